"""What editors run: `make check` (check) and `make new-brand` / `make new-story` (scaffold)."""
