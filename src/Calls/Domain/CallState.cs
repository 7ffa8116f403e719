namespace ChatApp.Calls.Domain;

/// <summary>Where a call is in its life: ringing → active → ended, or ringing → ended.</summary>
public enum CallState
{
    Ringing,
    Active,
    Ended,
}
