"""The work engine: process definitions, a pure engine over instance state, and its stored documents."""
