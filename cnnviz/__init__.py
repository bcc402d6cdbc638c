"""cnnviz core: data, models, training and introspection (no Qt here)."""

__version__ = "0.1.0"
