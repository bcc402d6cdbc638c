"""The kernel sandbox: one kernel, its settings, and the window sliding over your drawing."""
