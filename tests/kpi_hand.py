"""Small datasets worked by hand, shared by the KPI tests: a three-post campaign for the
campaign metrics, and the twelve messages of the service-metrics lesson's bakery for the
service metrics. The campaign's rows are not in date order (the latest post is the
middle row), so follower growth must sort by date. Columns are bound by name, so gross_margin sits
apart from the columns the input tests edit by position."""

from checker.kpi.dataset import Dataset, dataset_from_text
from checker.kpi.messages import messages_from_text
from checker.kpi.metrics import METRICS

HAND_CSV = """\
post_id,date,gross_margin,platform,followers,impressions,reach,likes,comments,shares,saves,clicks,spend,conversions,revenue
P1,2026-01-01,150,VK,1000,2000,1000,40,5,3,2,20,100,2,300
P2,2026-01-05,80,VK,1100,1000,250,15,5,3,2,30,200,1,200
P3,2026-01-02,120,Telegram,1050,1000,800,30,5,4,1,50,100,1,300
"""

# The bakery of docs/kpis/service-metrics.md: 12 messages, 2 spam, 9 of the other 10
# answered, 4 complaints of which 3 resolved; clock waits 7, 18, 4, 25, 95, 15, 720, 12, 40.
HAND_MESSAGES_CSV = """\
message_id,platform,type,received_at,first_reply_at,resolved
1,VK,question,2026-11-02 09:05,2026-11-02 09:12,
2,VK,complaint,2026-11-02 09:40,2026-11-02 09:58,yes
3,VK,spam,2026-11-02 10:02,,
4,VK,praise,2026-11-02 11:15,2026-11-02 11:19,
5,VK,question,2026-11-02 12:30,2026-11-02 12:55,
6,VK,complaint,2026-11-02 13:10,2026-11-02 14:45,no
7,VK,question,2026-11-02 16:20,2026-11-02 16:35,
8,VK,spam,2026-11-02 17:05,,
9,VK,complaint,2026-11-02 21:30,2026-11-03 09:30,yes
10,VK,question,2026-11-02 22:10,,
11,VK,praise,2026-11-03 08:50,2026-11-03 09:02,
12,VK,complaint,2026-11-03 10:05,2026-11-03 10:45,yes
"""

CAMPAIGN_METRICS = [m for m, metric in METRICS.items() if metric.table == "posts"]
SERVICE_METRICS = [m for m, metric in METRICS.items() if metric.table == "messages"]

# Worked by hand: engagements are 50, 25 and 40; totals: impressions 4000, reach 2050,
# clicks 100, spend 400, conversions 4, revenue 800, gross margin 350.
HAND_VALUES = {
    "er_reach": (50 / 1000 + 25 / 250 + 40 / 800) / 3 * 100,          # 6.667
    "er_followers": (50 / 1000 + 25 / 1100 + 40 / 1050) / 3 * 100,    # 3.694
    "er_impressions": (50 / 2000 + 25 / 1000 + 40 / 1000) / 3 * 100,  # 3.0
    "ctr": 100 / 4000 * 100,                                           # 2.5
    "cpc": 400 / 100,                                                  # 4.0
    "cpm": 400 / 4000 * 1000,                                          # 100.0
    "conversion_rate": 4 / 100 * 100,                                  # 4.0
    "cpa": 400 / 4,                                                    # 100.0
    "romi": (350 - 400) / 400 * 100,                                   # -12.5: ROAS 2 and still a loss
    "roas": 800 / 400,                                                 # 2.0
    "follower_growth": (1100 - 1000) / 1000 * 100,                     # 10.0, by date
    "amplification_rate": (3 / 1000 + 3 / 1100 + 4 / 1050) / 3 * 100, # 0.318
    "virality_rate": (3 / 2000 + 3 / 1000 + 4 / 1000) / 3 * 100,       # 0.283
    "frequency": 4000 / 2050,                                          # 1.951
    "response_rate": 9 / 10 * 100,                                     # 90.0
    "first_response_time": 18.0,                                       # the 5th of 9 sorted waits
    "resolution_rate": 3 / 4 * 100,                                    # 75.0
}


def hand_dataset(text: str = HAND_CSV) -> Dataset:
    """The hand-computed campaign, validated for every campaign metric."""
    return dataset_from_text(text, CAMPAIGN_METRICS)


def hand_messages(text: str = HAND_MESSAGES_CSV) -> Dataset:
    """The bakery's messages, validated for every service metric."""
    return messages_from_text(text, SERVICE_METRICS)


def hand_data(metric_id: str) -> Dataset:
    """The hand-computed dataset a metric is computed from."""
    return hand_messages() if METRICS[metric_id].table == "messages" else hand_dataset()
