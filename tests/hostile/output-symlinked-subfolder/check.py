import os, sys
if os.listdir("elsewhere"):
    sys.exit("written through the link: " + str(os.listdir("elsewhere")))
left = sorted(os.listdir("out"))
if left != ["waves"]:  # the lock file this run made goes with it
    sys.exit("a refused run left files in out: " + str(left))
