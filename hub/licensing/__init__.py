"""行政审批 data shipped with the hub: the demo 事项 catalogue (matters.json)."""
