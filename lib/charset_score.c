/* Plausibility of a trial decoding as text of its script: the evidence
 * that decides between candidate charsets (and checks a declared one).
 * Facts, not fitted weights: which letters each language's alphabet has,
 * which are the commonest in Russian, the most frequent Chinese, Japanese
 * and Korean characters, and the "level 1" (common) character sets of
 * GB2312, Big5, JIS X 0208 and KS X 1001, read from glibc's converters. */
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "charset_int.h"
#include "utf8.h"

/* Bitmaps over U+3000..U+D7FF: CJK symbols, kana, Han and Hangul. */
#define BM_LO 0x3000u
#define BM_HI 0xD800u
#define BM_WORDS ((BM_HI - BM_LO + 63) / 64)

struct cs_model {
	uint64_t top[BM_WORDS];    /* the most frequent characters */
	uint64_t freq[BM_WORDS];   /* frequent ones */
	uint64_t common[BM_WORDS]; /* level-1 sets of the CJK standards */
};

/* Chinese: the most frequent characters in running text, in simplified
 * and traditional forms (opencc's s2t for the latter). */
static const char zh_top[] =
	"的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于"
	"着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还"
	"进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情"
	"明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或"
	"新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
	"解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太"
	"量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基"
	"眼书非则听白却界达光放强即像难且权思王象這個們來爲國說時會對於過發後裏種經麼學現"
	"當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產話內給門兒東聲員論處義幾"
	"認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權";
static const char zh_freq[] =
	"完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识"
	"候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布"
	"始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚"
	"请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻"
	"易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列"
	"武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音"
	"跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗"
	"双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否"
	"刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤"
	"素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷"
	"洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修"
	"皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控"
	"税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付"
	"伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯"
	"测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康"
	"虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇"
	"招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂"
	"旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸"
	"诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒"
	"姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞"
	"街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振"
	"染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵設記類據邊張該規萬覺術"
	"領確傳師觀讓識帶導爭運飛風乾聯組濟車親極辦議證轉準遠臺單羅愛擊備連調質團價黨華級"
	"離況亞請際約覆線斷滿視須寫稱嗎輕農裝廣顯標談喫圖歷醫專費號盡較語僅隨選紅響雖勢參"
	"衆構節維劃敵陳態護興驗責營夠嚴續講終緊黃絕羣項圍織鬥雙紀採舉殺蘇訴細願錢網熱屬臉"
	"職樂剛狀獨彈創錯蘭試腦預誰陽繼驚傷藥適衛險陸習勞財環納歡獲負雲龍樹層衝範異漢簡擔"
	"靜積餘檢靈協佔徵揮勝階審堅媽劉讀壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島託戶評寶釋"
	"顧貨歐換聞壞討麗監臨艦魚雜誤灣減編測敗夢溫劍漸貴槍樓縣畫遺祕謝魯慮銷鍾詩趕劇損舊"
	"錄葉鄉禮婦歸飯額順輸搖脫補謂療澤滅筆鮮詞聖擇尋廠煙諾倫奧賣載宮陰園謀榮孫頂鎮練爺"
	"館礎寧紙諸訓莊絲戲隱訪軟薩夥盤擴蓋穩億擁楊齊賽牀虛購揚綠貿畢輪庫跡競棄偉緩潛閃燈"
	"針絡純頁傑築鄭貝吳圓殘誠寬擺毀趙";
/* Japanese: the commonest kana and kanji of newspaper text. */
static const char ja_top[] =
	"のにはをたがでてとしれさいるかなっますりうこらんもくあけどよきおめ"
	"ちせだそわつみえろばげびほねへふやずじゆぶごぐざぜぞむぎぼ"
	"ーンストルイクリラタシアレフドジ";
static const char ja_freq[] =
	"日一国人年大十二本中長出三時行見月分後前生五間上東四今金九入学高円子"
	"外八六下来気小七山話女北午百書先名川千水半男西電校語土木聞食車何南万"
	"毎白天母火右読友左休父雨会事自社者発方新場員立開手力問代明動京目通言"
	"理体田主題意不作用度強公持野以思家世多正安院心界教文元重近考画海売知"
	"道集別物使品計死特私始朝運終台広住無真有口少町料工建空急止送切転研足"
	"究楽起着店病質待試族銀早映親験英医仕去味写字答夜音注帰古歌買悪図週室"
	"歩風紙黒花春赤青館屋色走秋夏習駅洋旅服夕借曜飲肉貸堂鳥飯勉冬昼茶弟牛"
	"魚兄犬妹姉漢ぁぃぅぇぉゃゅょァィゥェォャュョッカキケコサセソチツテトナ"
	"ニヌネノハヒヘホマミムメモヤユヨワヲガギグゲゴザズゼゾダヂヅデバビブベ"
	"ボパピプペポヴ";
/* Korean: the commonest Hangul syllables. */
static const char ko_top[] =
	"이다의는에을하고가지로한기서사리자도으인대정수어일시제아부들해적나주"
	"전보상라있게요성과내니그를장여것만면소년우원경국신연문학동화공진히생"
	"비마방조실발계관중유오무세물단했거미구야러까위분개된되않없와합드스트"
	"및등같말때더할후통용차결권데행재모회각불민선입음반명식출현속설본체레"
	"운영태표업점터간심파즉형처토새또받알난남두안래높양활교금역료법당";

static void bm_set(uint64_t *bm, uint32_t c)
{
	if (c >= BM_LO && c < BM_HI)
		bm[(c - BM_LO) >> 6] |= 1ull << ((c - BM_LO) & 63);
}

static int bm_has(const uint64_t *bm, uint32_t c)
{
	return c >= BM_LO && c < BM_HI && (bm[(c - BM_LO) >> 6] >> ((c - BM_LO) & 63) & 1);
}

static void bm_add_utf8(uint64_t *bm, const char *s)
{
	size_t len = strlen(s), adv;
	for (size_t i = 0; i < len; i += adv)
		bm_set(bm, u8_next(s + i, len - i, &adv));
}

/* Marks every character of a double-byte block (leads lo1..hi1, trails in
 * lo2..hi2 and lo3..hi3) that the named charset decodes: the block goes
 * through iconv at once, a code it lacks is stepped over. */
static void bm_add_block(uint64_t *bm, const char *charset, unsigned lo1, unsigned hi1,
			 unsigned lo2, unsigned hi2, unsigned lo3, unsigned hi3)
{
	iconv_t cd = iconv_open("UTF-8", charset);
	if (cd == (iconv_t)-1)
		return;
	size_t cap = 2 * (hi1 - lo1 + 1) * (hi3 - lo2 + 1), n = 0;
	char *in = malloc(cap), *out = malloc(2 * cap);
	if (!in || !out)
		goto done;
	for (unsigned a = lo1; a <= hi1; a++) {
		for (unsigned b = lo2; b <= hi3; b++) {
			if (b > hi2 && b < lo3)
				continue;
			in[n++] = (char)a;
			in[n++] = (char)b;
		}
	}
	char *ip = in, *op = out;
	size_t il = n, ol = 2 * cap;
	while (il > 0) {
		if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1)
			break;
		if (il < 2 || ol < 8)
			break;
		ip += 2; /* a code the charset lacks */
		il -= 2;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	size_t len = (size_t)(op - out), adv;
	for (size_t i = 0; i < len; i += adv)
		bm_set(bm, u8_next(out + i, len - i, &adv));
done:
	free(in);
	free(out);
	iconv_close(cd);
}

struct cs_model *cs_model_new(void)
{
	struct cs_model *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	bm_add_utf8(m->top, zh_top);
	bm_add_utf8(m->top, ja_top);
	bm_add_utf8(m->top, ko_top);
	bm_add_utf8(m->freq, zh_freq);
	bm_add_utf8(m->freq, ja_freq);
	/* level 1: GB2312 B0-D7, Big5 A440-C67E, JIS X 0208 (EUC) B0-CF,
	 * KS X 1001 Hangul (EUC) B0-C8 */
	bm_add_block(m->common, "GB2312", 0xB0, 0xD7, 0xA1, 0xFE, 0xFF, 0xFE);
	bm_add_block(m->common, "BIG5", 0xA4, 0xC6, 0x40, 0x7E, 0xA1, 0xFE);
	bm_add_block(m->common, "EUC-JP", 0xB0, 0xCF, 0xA1, 0xFE, 0xFF, 0xFE);
	bm_add_block(m->common, "EUC-KR", 0xB0, 0xC8, 0xA1, 0xFE, 0xFF, 0xFE);
	return m;
}

void cs_model_free(struct cs_model *m) { free(m); }

/* ---- Latin alphabets --------------------------------------------------- */

/* The non-ASCII letters of each language written in a Latin script (lower
 * case): its frequent ones, '|', its rarer ones. A decoding in a Latin
 * charset is as plausible as the share of its letters that one language
 * accounts for, the frequent ones counting more. */
static const char *const latin_alpha[] = {
	"éèàç|êâôîûùëïüœÿæ",  /* fr */
	"äöüß|é",             /* de */
	"áéíóñ|úü",           /* es */
	"ãçéáó|íúâêôõàü",     /* pt */
	"àèéòù|ìíóî",         /* it */
	"àèéòóç|íúïü",        /* ca */
	"éë|ïöüèáóú",         /* nl */
	"åäö|é",              /* sv */
	"æøå|éó",             /* da, no */
	"äö|åšž",             /* fi */
	"äõüö|šž",            /* et */
	"áéíóðþæö|úý",        /* is */
	"ąęłóśżćń|ź",         /* pl */
	"áéěíýčřšžů|ďňóťú",   /* cs */
	"áéíýčšžľô|äďĺňóŕťú", /* sk */
	"čšž|ćđ",             /* sl, hr, bs */
	"áéőöó|íúüű",         /* hu */
	"ăâîșț|şţ",           /* ro */
	"çğıöşü|âîû",         /* tr */
	"āēīšūž|čģķļņ",       /* lv */
	"ąčęėįšųūž|",         /* lt */
	"ċġħż|àèìòù",         /* mt */
	"áéíóú|",             /* ga */
	"ĉĝĥĵŝŭ|",            /* eo */
	"ëç|",                /* sq */
};
#define NLATIN (sizeof latin_alpha / sizeof latin_alpha[0])

/* Lower case of a Latin-1 or Latin Extended-A/B letter (enough for the
 * alphabets above); İ is folded onto ı, both only Turkish. */
static uint32_t latin_fold(uint32_t c)
{
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 0x20;
	if (c == 0x130)
		return 0x131;
	if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) ||
	    (c >= 0x14A && c <= 0x177) || (c >= 0x218 && c <= 0x21B))
		return c | 1;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return (c & 1) ? c + 1 : c;
	if (c == 0x178)
		return 0xFF;
	return c;
}

static int is_latin_letter(uint32_t c)
{
	return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	       (c >= 0x1E00 && c <= 0x1EFF);
}

/* ---- Character classes ------------------------------------------------- */

enum { K_ASCII_LETTER, K_ASCII, K_LOWER, K_UPPER, K_FOREIGN, K_SYMBOL, K_BAD };

static int thai_mark(uint32_t c)
{
	return c == 0xE31 || (c >= 0xE34 && c <= 0xE3A) || (c >= 0xE47 && c <= 0xE4E);
}

static int is_cyr(uint32_t c) { return c >= 0x400 && c <= 0x4FF; }
static int is_greek(uint32_t c) { return c >= 0x370 && c <= 0x3FF; }

/* Letters of the candidate's script, by case; other letters are foreign. */
static int classify(uint32_t c, int script)
{
	if (c < 0x80) {
		if (((c | 32) >= 'a' && (c | 32) <= 'z'))
			return K_ASCII_LETTER;
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
			return K_BAD;
		return K_ASCII;
	}
	if (c == 0xFFFD || (c >= 0x80 && c < 0xA0) || (c >= 0xE000 && c <= 0xF8FF))
		return K_BAD;
	switch (script) {
	case SC_LATIN:
	case SC_VIET:
		if (is_latin_letter(c))
			return latin_fold(c) == c ? K_LOWER : K_UPPER;
		break;
	case SC_CYR:
		if (is_cyr(c))
			return (c >= 0x430 && c <= 0x45F) || (c >= 0x460 && (c & 1)) ? K_LOWER : K_UPPER;
		break;
	case SC_GREEK:
		if (is_greek(c) && c >= 0x386)
			return (c >= 0x3AC && c <= 0x3CE) ? K_LOWER : K_UPPER;
		break;
	case SC_HEB:
		if (c >= 0x5B0 && c <= 0x5F4)
			return K_LOWER;
		break;
	case SC_ARAB:
		if ((c >= 0x600 && c <= 0x6FF) || (c >= 0xFB50 && c <= 0xFEFC))
			return K_LOWER;
		break;
	case SC_THAI:
		if (c >= 0xE01 && c <= 0xE5B)
			return K_LOWER;
		break;
	case SC_GEO:
		if (c >= 0x10A0 && c <= 0x10FF)
			return K_LOWER;
		break;
	default:
		break;
	}
	if (is_latin_letter(c) || is_cyr(c) || is_greek(c) || (c >= 0x5D0 && c <= 0x5EA) ||
	    (c >= 0x621 && c <= 0x64A) || (c >= 0xE01 && c <= 0xE4E))
		return K_FOREIGN;
	return K_SYMBOL;
}

/* Russian letters by frequency: о е а и н т с р в л к м д п у carry most
 * of any text; a wrong Cyrillic code page scatters them. */
static double cyr_weight(uint32_t lower)
{
	static const char top[] = "оеаинтсрвлкмдпу";
	static const char mid[] = "яыьгзбчйхжшюцщэфъёієїґўјљњђћџѓќѕ";
	char buf[4];
	size_t n = u8_encode(lower, buf);
	if (memmem(top, sizeof top - 1, buf, n))
		return 1.5;
	if (memmem(mid, sizeof mid - 1, buf, n))
		return 0.7;
	return -0.5;
}

/* Punctuation that real text puts inside words (apostrophes, hyphens,
 * the Catalan middle dot), before them and after them. */
static int in_word_mark(uint32_t c)
{
	return c == 0x2019 || c == 0x2018 || c == 0xB7 || c == 0x2010 || c == 0x2011 ||
	       c == 0xAD || c == 0x2027 || c == 0x30FB;
}

/* Signs that text almost never uses but wrong decodings produce. */
static int rare_symbol(uint32_t c)
{
	return c == 0xA4 || c == 0xA6 || c == 0xA8 || c == 0xB4 || c == 0xB8 ||
	       c == 0xAF || (c >= 0x2D8 && c <= 0x2DD) || c == 0x2C7;
}

static int opening_mark(uint32_t c)
{
	return c == 0xAB || c == 0x201C || c == 0x2018 || c == 0x201E || c == 0x201A ||
	       c == 0xBF || c == 0xA1 || c == 0x2039 || c == 0xB0 || c == 0xA0 ||
	       c == 0x2013 || c == 0x2014 || c == 0x2022 || c == 0xA9 || c == 0xA7;
}

static int closing_mark(uint32_t c)
{
	return c == 0xBB || c == 0x201D || c == 0x2019 || c == 0x203A || c == 0x2026 ||
	       c == 0xA0 || c == 0x2013 || c == 0x2014 || c == 0xAE || c == 0x2122 ||
	       c == 0xB0 || c == 0xB2 || c == 0xB3;
}

/* The lower-case letters of the languages written in Cyrillic: as for the
 * Latin ones, one language must account for the letters of a reading. */
static const char *const cyr_alpha[] = {
	"абвгдежзийклмнопрстуфхцчшщъыьэюяё", /* ru */
	"абвгдежзийклмнопрстуфхцчшщьюяєіїґ", /* uk */
	"абвгдежзйклмнопрстуфхцчшыьэюяёіў",  /* be */
	"абвгдежзийклмнопрстуфхцчшщъьюя",    /* bg */
	"абвгдђежзијклљмнњопрстћуфхцчџш",    /* sr */
	"абвгдѓежзѕијклљмнњопрстќуфхцчџш",   /* mk */
};
#define NCYR (sizeof cyr_alpha / sizeof cyr_alpha[0])
#define CYR_LO 0x430u
#define CYR_N 0x70u /* а..ґ */

/* ---- The score --------------------------------------------------------- */

#define HIST_LO 0xC0u
#define HIST_N (0x250u - HIST_LO)

double cs_score(const struct cs_model *m, const char *s, size_t len, int script)
{
	double sc = 0;
	uint32_t hist[HIST_N];
	size_t nletters = 0;
	int cjk = script == SC_ZHS || script == SC_ZHT || script == SC_JA || script == SC_KO;
	uint32_t chist[CYR_N];
	size_t ncyr = 0;
	if (script == SC_LATIN)
		memset(hist, 0, sizeof hist);
	if (script == SC_CYR)
		memset(chist, 0, sizeof chist);
	int prev = K_ASCII;
	uint32_t pc = ' ';
	size_t adv, i = 0;
	uint32_t c = len ? u8_next(s, len, &adv) : 0;
	int k = classify(c, script);
	while (i < len) {
		size_t nadv = 0;
		uint32_t next = i + adv < len ? u8_next(s + i + adv, len - i - adv, &nadv) : ' ';
		int knext = classify(next, script);
		if (c < 0x80) {
			if (k == K_BAD)
				sc -= 2;
			prev = k;
			goto step;
		}
		int prev_letter = prev == K_ASCII_LETTER || prev == K_LOWER || prev == K_UPPER ||
				  prev == K_FOREIGN;
		int next_letter = knext == K_ASCII_LETTER || knext == K_LOWER ||
				  knext == K_UPPER || knext == K_FOREIGN;
		if (k == K_BAD) {
			sc -= 8;
		} else if (cjk) {
			if (c >= 0x3000 && c <= 0x303F)
				sc += 1;
			else if (c >= 0xFF01 && c <= 0xFF5E)
				sc += 1;
			else if (c >= 0x3040 && c <= 0x30FF) /* kana */
				sc += script == SC_JA ? (bm_has(m->top, c) ? 3 : 1.5) : -2;
			else if (c >= 0xFF61 && c <= 0xFF9F) /* half-width kana */
				sc += script == SC_JA ? 0.5 : -3;
			else if (c >= 0xAC00 && c <= 0xD7A3)
				sc += script != SC_KO ? -3 : bm_has(m->top, c) ? 3
					: bm_has(m->common, c) ? 1 : -1.5;
			else if (c >= 0x4E00 && c <= 0x9FFF)
				sc += (bm_has(m->top, c) ? 3 : bm_has(m->freq, c) ? 2
					: bm_has(m->common, c) ? 0.5 : -1.5) -
				      /* "薨葬曖 啾檜攪": Korean read as Han keeps
				       * its spaces between words */
				      (script != SC_KO && (pc == ' ' || next == ' ') ? 1.5 : 0);
			else if (c >= 0x2010 && c <= 0x2027)
				sc += 0.5;
			else if (c == 0xA0 || c == 0xB7 || c == 0xD7)
				sc += 0;
			else
				sc -= 3;
		} else if (k == K_LOWER || k == K_UPPER) {
			if (script == SC_LATIN) {
				uint32_t f = latin_fold(c);
				if (f >= HIST_LO && f < HIST_LO + HIST_N)
					hist[f - HIST_LO]++;
				nletters++;
				/* "Ł825", "ů.": a lone accented letter next to a digit */
				if (!prev_letter && !next_letter &&
				    ((next >= '0' && next <= '9') || (c >= 0x100 && c < 0x180)))
					sc -= 3;
				/* "ingrÈdient": case flips inside a word */
				if (k == K_UPPER && (prev == K_LOWER ||
				    (prev == K_ASCII_LETTER && pc >= 'a' && pc <= 'z')))
					sc -= 3;
				/* Latin text puts an accented letter among plain ones */
				if ((prev == K_LOWER || prev == K_UPPER) &&
				    (knext == K_LOWER || knext == K_UPPER))
					sc -= 1.5;
			} else {
				uint32_t lc = k == K_LOWER ? c : c < 0x410 ? c + 0x50
						: c < 0x430 ? c + 0x20 : c | 1;
				double w = script == SC_CYR ? cyr_weight(lc) : 1.5;
				if (script == SC_CYR) {
					ncyr++;
					if (lc >= CYR_LO && lc < CYR_LO + CYR_N)
						chist[lc - CYR_LO]++;
				}
				/* Thai vowel and tone marks follow a consonant */
				if (script == SC_THAI && thai_mark(c) &&
				    !(pc >= 0xE01 && pc <= 0xE2E) && !thai_mark(pc))
					w = -3;
				if (k == K_UPPER && prev == K_LOWER)
					w -= 3; /* "йОФЕТ": case flips inside a word */
				else if (k == K_UPPER && prev == K_UPPER)
					w = 0.2; /* capitals are a small part of real text */
				/* "ΙEΙ": a word of two alphabets */
				if (prev == K_ASCII_LETTER || knext == K_ASCII_LETTER)
					w -= 3;
				else if (k == K_LOWER && prev == K_UPPER && knext == K_UPPER)
					w -= 2;
				sc += w;
			}
		} else if (k == K_FOREIGN) {
			sc -= 3;
		} else if (rare_symbol(c)) {
			sc -= 2;
		} else if (prev_letter && next_letter) {
			if (!in_word_mark(c))
				sc -= 4; /* "ko¹ka": a symbol inside a word */
		} else if (next_letter) {
			/* “quotes” where quotes go are a sign of real text */
			sc += opening_mark(c) ? 0.5 : -1.5; /* "¶νεμοι" */
		} else if (prev_letter) {
			sc += closing_mark(c) ? 0.5 : -0.5;
		}
		prev = k;
step:
		pc = c;
		i += adv;
		c = next;
		k = knext;
		adv = nadv;
	}
	if (script == SC_LATIN && nletters) {
		/* the one language that accounts for most of the letters */
		double best = 0;
		size_t bestn = 0;
		for (size_t l = 0; l < NLATIN; l++) {
			const char *a = latin_alpha[l];
			size_t alen = strlen(a), n = 0, ad;
			double w = 1.5, tot = 0;
			for (size_t j = 0; j < alen; j += ad) {
				uint32_t lc = u8_next(a + j, alen - j, &ad);
				if (lc == '|')
					w = 1.0;
				else if (lc >= HIST_LO && lc < HIST_LO + HIST_N) {
					tot += w * hist[lc - HIST_LO];
					n += hist[lc - HIST_LO];
				}
			}
			if (tot > best) {
				best = tot;
				bestn = n;
			}
		}
		sc += best - 3.0 * (double)(nletters - bestn);
	}
	if (script == SC_CYR && ncyr) {
		size_t best = 0;
		for (size_t l = 0; l < NCYR; l++) {
			const char *a = cyr_alpha[l];
			size_t alen = strlen(a), n = 0, ad;
			for (size_t j = 0; j < alen; j += ad) {
				uint32_t lc = u8_next(a + j, alen - j, &ad);
				if (lc >= CYR_LO && lc < CYR_LO + CYR_N)
					n += chist[lc - CYR_LO];
			}
			if (n > best)
				best = n;
		}
		sc -= 3.0 * (double)(ncyr - best);
	}
	return sc;
}
