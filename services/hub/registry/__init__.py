"""The hub's registry-adapter face: the stand-in for NSER and the identity authority.

Identity verification, household status, notified shock areas, survey scoring and survey
paradata. In production this face would proxy to the real national services; here it answers
from the seeded synthetic population.
"""
