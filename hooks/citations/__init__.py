"""Code of Practice citations: find, check against the registry, link and list them."""
