"""No plan, and so no plan.archimate.xml, from a model that XML does not allow."""
import os
import sys

sys.exit(1 if os.path.exists(os.path.join("out", "plan.archimate.xml")) else 0)
