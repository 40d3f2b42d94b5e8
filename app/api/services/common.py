"""What every feature's service does with a request: the engine's network and optimizer from it."""

from ...engine import Network


def build_network(network_in):
    """The engine's network; shapes are checked there, finiteness already by the schema (``Finite``)."""
    return Network.from_lists(
        [{"weights": l.weights, "biases": l.biases, "activation": l.activation} for l in network_in.layers],
        ("network",),
        finite_checked=True,
    )


def network_answer(network):
    """A network as an answer carries it: ``{"layers": [{weights, biases, activation}, …]}``."""
    return {"layers": network.to_lists()}


def optimizer_of(body):
    """The optimizer as the engine takes it: ``{"name": …, hyper-parameter: value, …}``."""
    return body.optimizer.model_dump()


def state_of(body):
    """The optimizer state sent with the request, without the slots left out, or None."""
    return None if body.optimizer_state is None else body.optimizer_state.model_dump(exclude_none=True)
