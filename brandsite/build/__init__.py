"""The atomic site build: `python -m brandsite.build` (driver), its warm worker, rebuilds, search index."""
