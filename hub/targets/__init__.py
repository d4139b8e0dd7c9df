"""目标管理: the pure rules of targets (lights from the schedule against accepted progress)."""
