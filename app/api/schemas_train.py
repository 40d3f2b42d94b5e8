"""Request and response bodies of the training lab: datasets, random networks, training."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from .schemas_in import Activation, NetworkIn

Seed = Annotated[int, Field(ge=0, le=2**32 - 1, description="Seed of np.random.default_rng: same seed, same numbers.")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RandomNetworkRequest(Strict):
    widths: list[Annotated[int, Field(ge=1)]] = Field(
        min_length=2, description="Nodes per column: [n_in, n_1, …, n_L] (inputs, then each layer)."
    )
    activations: list[Activation] = Field(min_length=1, description="One activation per layer (len(widths) − 1).")
    seed: Seed = 0

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"widths": [2, 8, 8, 1], "activations": ["tanh", "tanh", "sigmoid"], "seed": 1}]
        },
    )


class RandomNetworkResponse(BaseModel):
    network: NetworkIn = Field(description="Glorot-uniform weights W ~ U(−r, r), r = √(6/(n_in+n_out)); biases 0.")
