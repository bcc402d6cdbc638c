"""The bundled data (MNIST with its checksums and attribution).

Installed as the package ``cnnviz._resources`` (see ``[tool.setuptools.package-dir]`` in pyproject.toml), so
``importlib.resources.files("cnnviz._resources")`` finds it in a wheel, an sdist build and an editable install.
"""
