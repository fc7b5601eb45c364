"""What other systems read (licence check data, open data, feeds, robots.txt), wired in by the registry_data plugin."""
