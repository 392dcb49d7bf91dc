"""A class's submissions as an LMS hands them over, and its grades handed back: the
download's layouts (Moodle, Canvas, a flat folder), its folder or zip read safely, and
Moodle's grading worksheet and Canvas's gradebook filled from a graded class."""
