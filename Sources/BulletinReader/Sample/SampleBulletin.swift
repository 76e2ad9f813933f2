/// The bulletin `bulletin` opens with no arguments: a short tour, written in
/// the shape of real bulletins (TOC block, sections, `Region | Headline`),
/// compiled in so it works wherever the binary is.
public enum SampleBulletin {
    public static let path = "sample-bulletin.md"

    public static let text = #"""
# 示例简报 · Sample bulletin

## 使用说明

读者 | 如何阅读这份简报

## 城市动态

北京 | 地铁新线开通 早高峰通勤时间缩短15分钟

上海 | 浦东新区发布人工智能产业扶持政策

广东深圳 | 前海合作区新增跨境金融服务试点

## 科技创新

国务院 | 关于加快数字经济发展的指导意见

浙江杭州 | 云计算企业研发投入同比增长30%

## 民生就业

湖北武汉 | 高校毕业生留汉就业创业补贴提高

江苏 | 鼓励新业态从业者参加职工医保

四川成都 | 社区托育服务覆盖率超过八成

## International

Geneva | WHO publishes updated guidance on heat waves

Singapore | Port throughput reaches a record high

## 使用说明

### 读者 | 如何阅读这份简报

左边是目录，右边是正文。按 `j`/`k` 逐行滚动，`Space`/`b` 翻页，`]`/`[` 跳到下一个/上一个栏目，`}`/`{` 跳到下一篇/上一篇文章，`1`-`9` 跳到第 N 个栏目。

按 `/` 输入关键词搜索标题：目录只显示匹配的文章，`Enter` 跳到第一条，`n`/`N` 在结果之间移动，`Esc` 恢复完整目录。按 `Tab` 在目录和正文之间切换，`t` 隐藏目录，`<` `>` 调整目录宽度，`w` 查看输入警告，`?` 查看全部按键，`q` 退出。

Open your own bulletins with `bulletin FILE...`, a directory, or `-` for standard input.

## 城市动态

### 北京 | 地铁新线开通 早高峰通勤时间缩短15分钟

本报讯　北京地铁新线今日正式开通运营，全长二十八公里，设站十六座，连接城市北部居住区与中心城区多个就业集中区域。

运营方表示，新线开通后，沿线居民早高峰通勤时间平均缩短约十五分钟，换乘站均设置了无障碍通道和自动扶梯。

### 上海 | 浦东新区发布人工智能产业扶持政策

浦东新区日前发布新一轮人工智能产业扶持政策，对算力平台建设、关键算法研发和应用场景开放给予资金支持，单个项目最高可获补贴两千万元。

政策还提出建设人工智能开放创新中心，为中小企业提供模型训练和测试服务。

### 广东深圳 | 前海合作区新增跨境金融服务试点

前海合作区新增一批跨境金融服务试点，涵盖跨境理财通、跨境人民币结算便利化等业务，进一步便利港澳居民在区内投资兴业。

## 科技创新

### 国务院 | 关于加快数字经济发展的指导意见

意见提出，到二〇三〇年，数字经济核心产业增加值占国内生产总值比重明显提升，数据要素市场体系基本建立。

意见要求：

- 加快新型基础设施建设；
- 推动传统产业数字化转型；
- 完善数据安全和个人信息保护制度。

### 浙江杭州 | 云计算企业研发投入同比增长30%

杭州市统计局数据显示，今年前三季度，全市云计算企业研发投入同比增长百分之三十，高于全市规模以上工业企业平均水平。

## 民生就业

### 湖北武汉 | 高校毕业生留汉就业创业补贴提高

武汉市将高校毕业生留汉就业创业补贴标准提高至每人每年一万元，覆盖毕业五年内的本科及以上学历人员。

### 江苏 | 鼓励新业态从业者参加职工医保

江苏省医保局发文，鼓励外卖骑手、网约车司机等新就业形态从业人员以灵活就业人员身份参加职工基本医疗保险，取消户籍限制。

### 四川成都 | 社区托育服务覆盖率超过八成

成都市卫健委介绍，全市社区托育服务点已覆盖百分之八十以上的城市社区，普惠托位价格平均下降两成。

> 托育服务是“一老一小”民生工程的重要内容。

## International

### Geneva | WHO publishes updated guidance on heat waves

The World Health Organization published updated guidance on protecting health during heat waves, with advice for cities on cooling centres, early warnings and outdoor work schedules.

### Singapore | Port throughput reaches a record high

Container throughput at the Port of Singapore reached a record high this year, driven by transshipment demand and the opening of new berths at Tuas.
"""#
}
