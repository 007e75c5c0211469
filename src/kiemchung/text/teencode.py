"""Hand-written Vietnamese teencode and abbreviation dictionary (lower-case, NFC, old-style tone placement).

Keys are whole words as they appear after case folding, emphasis squashing and leet undoing; values are the
standard spelling (one or more words). Ambiguous short forms map to their most frequent meaning on social media.
The learned ViLexNorm table (``models/data/normalize``) is consulted first and may override or block an entry.

``OBFUSCATED`` lists the joined forms of spelled-out or separated letters ("v-c-l", "đ.m") that are worth joining
even though they are not Vietnamese syllables.
"""

from __future__ import annotations

_ENTRIES = """
k=không | ko=không | kh=không | khg=không | kg=không | hok=không | hem=không | hông=không | hổng=không
khum=không | hum=không | kô=không | khôg=không | khong=không | hong=không | k0=không | hk=không
hx=không | uk=ừ | uh=ừ | um=ừm | ukm=ừm | uhm=ừm | oki=ok | okie=ok | oke=ok | okela=ok | okla=ok
mk=mình | mik=mình | mh=mình | mìn=mình | t=tôi | tui=tôi | toy=tôi | e=em | iem=em | a=anh | ah=anh
c=chị | chj=chị | cj=chị | b=bạn | bn=bạn | m=mày | mn=mọi người | mng=mọi người | ng=người
ngta=người ta | nta=người ta | ae=anh em | ny=người yêu | ngiu=người yêu | ngyeu=người yêu | bme=bố mẹ
bm=bố mẹ | ox=ông xã | bx=bà xã | ck=chồng | vk=vợ | ckvk=chồng vợ | vc=vợ chồng | gđ=gia đình
gd=gia đình | cty=công ty | ctv=cộng tác viên | sv=sinh viên | hs=học sinh | gv=giáo viên | bs=bác sĩ
dc=được | đc=được | dk=được | đk=được | dx=được | đx=được | duoc=được | j=gì | ji=gì | z=vậy | v=vậy
zậy=vậy | zị=vậy | vại=vậy | dzậy=vậy | zay=vậy | r=rồi | ròi=rồi | rùi=rồi | rầu=rồi | oy=rồi | ồi=rồi
roài=rồi | cx=cũng | cg=cũng | cũg=cũng | cug=cũng | vs=với | vói=với | wa=qua | qa=quá | wá=quá | qá=quá
qé=quá | bt=biết | bik=biết | bít=biết | pít=biết | bjt=biết | bj=bị | bh=bao giờ | bjo=bây giờ
bgio=bây giờ | h=giờ | ntn=như thế nào | nthe=như thế | nt=nhắn tin | ib=nhắn tin | inb=nhắn tin
trc=trước | trk=trước | trươc=trước | ns=nói | nch=nói chuyện | nc=nói chuyện | lm=làm | lun=luôn
nhìu=nhiều | nhiu=nhiêu | iu=yêu | yew=yêu | thik=thích | thich=thích | camon=cảm ơn | sr=xin lỗi
sry=xin lỗi | xl=xin lỗi | đt=điện thoại | dt=điện thoại | đth=điện thoại | dthoai=điện thoại
sđt=số điện thoại | sdt=số điện thoại | stk=số tài khoản | tk=tài khoản | fb=facebook | ins=instagram
ytb=youtube | zl=zalo | hnay=hôm nay | hqua=hôm qua | tg=thời gian | tgian=thời gian | th=thôi
thui=thôi | thoai=thôi | thoy=thôi | kq=kết quả | ptr=phát triển | vde=vấn đề | vđ=vấn đề | vn=việt nam
hn=hà nội | sg=sài gòn | tphcm=thành phố hồ chí minh | hcm=hồ chí minh | tp=thành phố | đh=đại học
dh=đại học | thpt=trung học phổ thông | cv=công việc | nv=nhân viên | ql=quản lý | sp=sản phẩm | đg=đang
dg=đang | đag=đang | dag=đang | ms=mới | mớj=mới | nx=nữa | nũa=nữa | ntin=nhắn tin | chx=chưa | cũn=cũng
ik=đi | đy=đi | tl=trả lời | rep=trả lời | cmt=bình luận | còm=bình luận | stt=trạng thái | kb=kết bạn
chs=chơi | choi=chơi | mún=muốn | kiu=kêu | kím=kiếm | nhá=nhé | nhoa=nha | nka=nha | nhe=nhé | ạk=ạ
ak=à | uầy=ừ | hjhj=hihi | hix=hic | bùn=buồn | zui=vui | dui=vui | vuj=vui | zễ=dễ | dzễ=dễ | wên=quên
wen=quen | chời=trời | trùi=trời | iêu=yêu | xiền=tiền | tiềng=tiền | ngừi=người | ngưòi=người
nguoi=người | dep=đẹp | bjết=biết | klq=không liên quan | kcj=không có gì | kcgi=không có gì
kbt=không biết | kbiet=không biết | ksao=không sao | kp=không phải | trl=trả lời | trloi=trả lời
bth=bình thường | bthg=bình thường | bthuong=bình thường | ngkhac=người khác | đhs=đéo hiểu sao
dhs=đéo hiểu sao | đm=đụ má | dm=đụ má | dmm=đụ mẹ mày | đmm=đụ mẹ mày | đcm=địt con mẹ | dcm=địt con mẹ
đkm=địt con mẹ | dkm=địt con mẹ | vcl=vãi cả lồn | vkl=vãi cả lồn | vl=vãi lồn | vlz=vãi lồn
vch=vãi chưởng | clm=con lồn mẹ | cmn=con mẹ nó | cmnr=con mẹ nó rồi | cc=con cặc | cl=cái lồn
ml=mặt lồn | đb=đầu buồi | loz=lồn | lìn=lồn | buoi=buồi | kẹc=cặc | cak=cặc | cặk=cặc | đjt=địt
djt=địt | dit=địt
"""

TEENCODE: dict[str, str] = {
    k.strip(): v.strip()
    for item in _ENTRIES.replace("\n", "|").split("|")
    if "=" in item
    for k, v in [item.split("=", 1)]
}

# Expansions the learned table may not block (ViLexNorm annotators sometimes keep these; detectors want them).
FORCED: frozenset[str] = frozenset({"ntn", "ko", "k", "hok", "khong", "dc", "đc", "mk", "j"})

# Short forms never expanded (none at present; add forms too ambiguous to touch).
# Unaccented words left as typed: restoring one reading out of context would invent an insult or a wrong word
# ("deo" is "đeo" as often as "đéo"; "dot" is "đốt"/"đợt" as often as "dốt"; "cuoi tuan" is "cuối tuần").
KEEP: frozenset[str] = frozenset({"deo", "dot", "beo", "cuoi", "day", "dat", "chuong", "huong", "bich", "gang"})

# Short forms whose meaning turns on money talk in the same post: (usual meaning, meaning near money).
# "ck" is "chồng" in family talk but "chuyển khoản" in "ck trước 500k vào stk".
MONEY_SENSE: dict[str, tuple[str, str]] = {"ck": ("chồng", "chuyển khoản")}

# Joined spelled-out / separated letters worth joining even though they are not syllables ("v c l", "đ.m").
OBFUSCATED: frozenset[str] = frozenset(
    {"đm", "dm", "đmm", "dmm", "đcm", "dcm", "đkm", "dkm", "vcl", "vkl", "vl", "clm", "cmn", "cc", "cl", "đb", "db",
     "ml", "cđ", "loz", "vc", "cmnr"}
)

# English or loan words that keep a double letter (squashing must not touch them).
KEEP_DOUBLE: frozenset[str] = frozenset(
    {"good", "cool", "free", "need", "see", "all", "kiss", "miss", "boss", "pass", "class", "sorry", "happy",
     "hello", "coffee", "google", "facebook", "shopee", "apple", "book", "look", "food", "feel", "feed", "tree",
     "keep", "sleep", "week", "meeting", "call", "ball", "tall", "well", "bell", "hell", "will", "kill", "still",
     "till", "fill", "doll", "poll", "roll", "mall", "add", "odd", "egg", "off", "staff", "stuff", "cuff",
     "buff", "buffet", "follow", "summer", "dinner", "winner", "letter", "better", "butter", "matter", "bitter",
     "twitter", "boo", "too", "zoo", "moon", "soon", "noon", "room", "door", "floor", "poor", "loop", "pool",
     "school", "tool", "wood", "hood", "mood", "blood", "cc", "ss", "oo", "xx", "vv", "ll", "mm", "nn", "pp",
     "teen", "queen", "green", "screen", "seen", "been", "agree", "three", "wii", "hii", "bookmark", "offline",
     "online", "messenger", "iphone", "ipad", "guess", "less", "mess", "dress", "press", "stress", "bless",
     "success", "access", "address", "coffeeshop", "xoong", "boong", "soong", "goòng", "moóc", "coóc", "quýt"}
)
