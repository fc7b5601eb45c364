"""The preview: `make devserver` (devserver) and a production-like static server (serve)."""
