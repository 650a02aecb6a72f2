"""The mecfs-kg schema: closed enums, pydantic node and edge models, controlled vocabularies."""
