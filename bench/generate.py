#!/usr/bin/env python3
"""Deterministic synthetic bulletins in the seed's shape, for benchmarks.

    python3 bench/generate.py big OUT.md --megabytes 100
    python3 bench/generate.py archive OUT_DIR --files 10000 --megabytes 200

Each bulletin: an H1 title, a TOC block (## Section + `Region | Headline`
lines), then the body (## Section, ### Region | Headline, paragraphs), with
the seed's quirks: TOC lines that differ from headings by spaces around
digits, articles written as ## instead of ###, paragraphs split mid-sentence.
The rare keyword is planted in exactly --planted headlines (default 37) and
nowhere else; the common keyword 就业 appears in many headlines and bodies.
"""
import argparse
import os
import random

RARE = "鲲鹏计划"
WORDS = ("就业 创业 服务 企业 人才 培训 补贴 政策 岗位 社区 乡村 振兴 数字 经济 城市 更新 保障 住房 交通 "
         "医疗 教育 文化 旅游 生态 环保 科技 创新 园区 项目 投资 消费 市场 主体 改革 开放 合作 发展 质量 "
         "安全 生产 农业 工业 互联网 平台 物流 港口 能源 水利 卫生 养老 托育 体育 赛事 志愿 治理 法治 "
         "公共 设施 示范 基地 行动 计划 方案 会议 召开 启动 发布 推进 实施 完成 提升 加强 优化 扩大").split()
REGIONS = ("北京 上海 天津 重庆 河北廊坊 江苏常州 浙江义乌 安徽亳州 福建福州 江西九江 山东青岛 河南郑州 "
           "湖北武汉 湖南长沙 广东深圳 广西南宁 海南海口 四川成都 贵州贵阳 云南昆明 陕西西安 甘肃兰州 "
           "宁夏银川 新疆乌鲁木齐 全国总工会 人社部 国务院").split()
SECTIONS = ("宏观形势 公益性岗位 创业带动就业 灵活就业 劳动关系 职业技能提升 农村劳动力转移就业 "
            "失业人员再就业与充分就业 社会保障 人才引进").split()


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def phrase(self, n):
        return "".join(self.rng.choice(WORDS) for _ in range(n))

    def headline(self, plant):
        parts = [self.phrase(self.rng.randint(2, 4)), f"{self.rng.randint(2, 99)}", self.phrase(self.rng.randint(1, 3))]
        if plant:
            parts.insert(self.rng.randint(0, 2), RARE)
        return parts[0] + parts[1] + "个" + "".join(parts[2:])

    def paragraph(self):
        sentences = [self.phrase(self.rng.randint(6, 14)) + self.rng.choice("，、") + self.phrase(self.rng.randint(4, 10)) + "。"
                     for _ in range(self.rng.randint(2, 5))]
        return "".join(sentences)

    def bulletin(self, title, articles, plant_at):
        """articles: number of articles; plant_at: set of article indices that get the rare word."""
        per_section = max(1, articles // len(SECTIONS))
        sections = []
        k = 0
        for s in SECTIONS:
            if k >= articles:
                break
            items = []
            for _ in range(min(per_section, articles - k) if s != SECTIONS[-1] else articles - k):
                items.append((self.rng.choice(REGIONS), self.headline(k in plant_at)))
                k += 1
            sections.append((s, items))
        out = [f"# {title}", ""]
        for s, items in sections:
            out += [f"## {s}", ""]
            for region, headline in items:
                out += [f"{region} | {headline}", ""]
        for s, items in sections:
            out += [f"## {s}", ""]
            for region, headline in items:
                shown = headline.replace("个", " 个", 1) if self.rng.random() < 0.3 else headline
                level = "##" if self.rng.random() < 0.02 else "###"
                out += [f"{level} {region} | {shown}", ""]
                for _ in range(self.rng.randint(2, 4)):
                    text = self.paragraph()
                    if self.rng.random() < 0.05:
                        cut = len(text) // 2
                        out += [text[:cut], "", text[cut:], ""]
                    else:
                        out += [text, ""]
        return "\n".join(out) + "\n"


def big(path, megabytes, planted, seed):
    gen = Generator(seed)
    target = megabytes * 1_000_000
    # Articles average about 1 KB: size the article count, then plant evenly.
    articles = max(1, target // 1250)
    plant = set(range(0, articles, max(1, articles // planted)))
    with open(path, "w", encoding="utf-8") as f:
        f.write(gen.bulletin("合成简报", articles, set(list(plant)[:planted])))


def archive(directory, files, megabytes, planted, seed):
    gen = Generator(seed)
    per_file = megabytes * 1_000_000 // files
    articles = max(1, per_file // 1000)
    planted_files = set(random.Random(seed + 1).sample(range(files), planted))
    for i in range(files):
        sub = os.path.join(directory, f"{2000 + i // 1000}", f"{(i // 100) % 10:02d}")
        os.makedirs(sub, exist_ok=True)
        plant_at = {gen.rng.randrange(articles)} if i in planted_files else set()
        with open(os.path.join(sub, f"bulletin-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(gen.bulletin(f"简报第{i}期", articles, plant_at))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("kind", choices=["big", "archive"])
    p.add_argument("out")
    p.add_argument("--megabytes", type=int, default=100)
    p.add_argument("--files", type=int, default=10000)
    p.add_argument("--planted", type=int, default=37)
    p.add_argument("--seed", type=int, default=2021)
    a = p.parse_args()
    if a.kind == "big":
        big(a.out, a.megabytes, a.planted, a.seed)
    else:
        archive(a.out, a.files, a.megabytes, a.planted, a.seed)


if __name__ == "__main__":
    main()
