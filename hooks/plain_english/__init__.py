"""Plain English and currency: readability budgets, glossary, outdated terms, review dates."""
