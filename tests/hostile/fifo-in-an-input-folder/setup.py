"""A folder of inputs that holds, besides systems.csv, a named pipe a.csv and a link model.xml to
a file that does not exist: both were left out without a word."""
import os

os.mkfifo(os.path.join("inv", "a.csv"))
os.symlink("nowhere.xml", os.path.join("inv", "model.xml"))
