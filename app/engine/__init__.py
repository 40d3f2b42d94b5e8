"""The backpropagation engine: numpy only, no web framework.

``forward → compute_loss → backward → update``, in ``backprop``; the explainer's ``trace``.
"""

from .activations import ACTIVATIONS
from .backprop import Gradients, Step, backward, check_batch, compute_loss, forward, train_step, update
from .losses import LOSSES
from .network import DivergedError, Layer, Network, NetworkError, TooLargeError
from .optimizers import OPTIMIZERS
from .trace import build_trace

__all__ = [
    "ACTIVATIONS",
    "LOSSES",
    "OPTIMIZERS",
    "DivergedError",
    "Gradients",
    "Layer",
    "Network",
    "NetworkError",
    "Step",
    "TooLargeError",
    "backward",
    "build_trace",
    "check_batch",
    "compute_loss",
    "forward",
    "train_step",
    "update",
]
