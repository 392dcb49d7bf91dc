"""A three-post campaign small enough to compute every KPI by hand; shared by the KPI
tests. The rows are not in date order (the latest post is the middle row), so
follower growth must sort by date."""

from checker.kpi.dataset import Dataset, dataset_from_text
from checker.kpi.metrics import METRICS

HAND_CSV = """\
post_id,date,platform,followers,impressions,reach,likes,comments,shares,saves,clicks,spend,conversions,revenue
P1,2026-01-01,VK,1000,2000,1000,40,5,3,2,20,100,2,300
P2,2026-01-05,VK,1100,1000,250,15,5,3,2,30,200,1,200
P3,2026-01-02,Telegram,1050,1000,800,30,5,4,1,50,100,1,300
"""

# Worked by hand: engagements are 50, 25 and 40; totals: impressions 4000, reach 2050,
# clicks 100, spend 400, conversions 4, revenue 800.
HAND_VALUES = {
    "er_reach": (50 / 1000 + 25 / 250 + 40 / 800) / 3 * 100,          # 6.667
    "er_followers": (50 / 1000 + 25 / 1100 + 40 / 1050) / 3 * 100,    # 3.694
    "er_impressions": (50 / 2000 + 25 / 1000 + 40 / 1000) / 3 * 100,  # 3.0
    "ctr": 100 / 4000 * 100,                                           # 2.5
    "cpc": 400 / 100,                                                  # 4.0
    "cpm": 400 / 4000 * 1000,                                          # 100.0
    "conversion_rate": 4 / 100 * 100,                                  # 4.0
    "cpa": 400 / 4,                                                    # 100.0
    "romi": (800 - 400) / 400 * 100,                                   # 100.0
    "roas": 800 / 400,                                                 # 2.0
    "follower_growth": (1100 - 1000) / 1000 * 100,                     # 10.0, by date
    "amplification_rate": (3 / 1000 + 3 / 1100 + 4 / 1050) / 3 * 100, # 0.318
    "virality_rate": (3 / 2000 + 3 / 1000 + 4 / 1000) / 3 * 100,       # 0.283
    "frequency": 4000 / 2050,                                          # 1.951
}


def hand_dataset(text: str = HAND_CSV) -> Dataset:
    """The hand-computed campaign, validated for every metric."""
    return dataset_from_text(text, METRICS)
