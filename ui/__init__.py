"""cnnviz desktop app: Qt widgets that render what the core computes."""
