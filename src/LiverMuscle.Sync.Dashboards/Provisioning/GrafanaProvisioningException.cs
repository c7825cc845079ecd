namespace LiverMuscle.Sync.Dashboards.Provisioning;

/// <summary>Provisioning cannot go on; the message says what Grafana refused and what to change.</summary>
public sealed class GrafanaProvisioningException(string message, Exception? inner = null) : Exception(message, inner);
