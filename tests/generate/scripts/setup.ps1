# Run at first logon by tests/generate/commands.yaml (media-scripts).
Write-Output "set up"
