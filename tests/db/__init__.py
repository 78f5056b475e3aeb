"""Tests of the db."""
