"""The followup app's writes, one module per area (economy, certification, supervision, crisis,
talks, documents, appointments): plain functions, one transaction each, every write audited."""
