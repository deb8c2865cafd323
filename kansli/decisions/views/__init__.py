"""The decisions app's pages, one module per area: the register of decisions (register), the
execution of decisions (execution) and the board's assignments (assignments)."""
