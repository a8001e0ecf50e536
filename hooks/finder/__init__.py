"""The route finder ("Which route fits?"): the question flow, its pages and its diagram."""
