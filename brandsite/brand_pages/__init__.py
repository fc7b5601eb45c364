"""Brand pages, the directory, facet and award pages: the generator and views the brand_pages plugin wires in."""
