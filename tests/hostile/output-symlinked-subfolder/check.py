import os, sys
if os.listdir("elsewhere"):
    sys.exit("written through the link: " + str(os.listdir("elsewhere")))
left = sorted(os.listdir("out"))
if left != [".cloudplan-lock", "waves"]:
    sys.exit("a refused run left files in out: " + str(left))
