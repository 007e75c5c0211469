window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id_str": "1860000000000000001",
      "created_at": "Sun Nov 01 08:15:00 +0000 2026",
      "full_text": "Đọc bài này trước khi chia sẻ nhé &amp; kiểm tra nguồn: https://t.co/AbCd123",
      "entities": {
        "urls": [
          {
            "url": "https://t.co/AbCd123",
            "expanded_url": "https://example.vn/kiem-chung"
          }
        ]
      },
      "favorite_count": "3",
      "retweet_count": "1"
    }
  },
  {
    "tweet": {
      "id_str": "1860000000000000003",
      "created_at": "hôm qua",
      "full_text": "sai ngày"
    }
  }
]
