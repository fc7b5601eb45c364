"""Stories read with the registry's front matter, and Articles kept between builds (story_reader)."""
