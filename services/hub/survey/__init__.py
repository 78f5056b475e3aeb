"""Surveys linked to tokens at the hub: submission by the DEO's tablet, linking, reconciliation."""
