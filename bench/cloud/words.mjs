// The benchmark's words: a long Chinese text (a real corpus read at run time when it is there,
// else made-up news paragraphs) and the engine's own TF-IDF keywords of it, from the native CLI,
// so that both tools lay out exactly the same terms with the same scores.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** People's Daily, January 1998 (see ../shared/corpora/README.md); never copied into the repo. */
export function defaultCorpus(root) {
  return join(root, '..', 'shared', 'corpora', 'pd1998', '199801.txt');
}

/**
 * Plain text of the first paragraphs of the segmented, tagged corpus, up to `maxChars`: each line
 * is `id/m  word/pos  [word/pos word/pos]nt …`; the words are joined back without spaces.
 */
export function corpusText(path, maxChars) {
  const paragraphs = [];
  let chars = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const tokens = line.trim().split(/\s+/).slice(1); // the first token is the paragraph id
    const words = tokens.map((t) => t.replace(/^\[/, '').replace(/\/[A-Za-z]+\]?[A-Za-z]*$/, ''));
    const paragraph = words.join('');
    if (!paragraph) continue;
    paragraphs.push(paragraph);
    chars += paragraph.length;
    if (chars >= maxChars) break;
  }
  return paragraphs.join('\n');
}

/** Made-up news paragraphs from a seeded generator, for machines without the corpus. */
export function madeUpText(maxChars) {
  const roots = ['临江', '青山', '东湖', '南屿', '北川', '西岭', '白沙', '云港', '石门', '柳林', '金溪', '松原'];
  const places = roots.flatMap((r) => ['市', '县', '镇'].map((suffix) => r + suffix));
  const bodies = [
    '交通局', '教育厅', '气象台', '农业合作社', '科技园管委会', '水务集团', '图书馆', '人民医院',
    '博物馆', '消防救援支队', '供电公司', '体育中心', '妇幼保健院', '税务局', '档案馆', '港务集团',
  ];
  const people = ['王', '李', '陈', '赵', '刘', '周', '孙', '吴', '郑', '冯'].flatMap((surname) =>
    ['建国', '晓梅', '志远', '海燕', '明德', '雨桐'].map((given) => surname + given),
  );
  const topics = [
    '城市更新', '乡村振兴', '数字经济', '防汛抗旱', '垃圾分类', '新能源汽车', '老旧小区改造',
    '人工智能', '冷链物流', '文化旅游', '碳排放', '职业教育', '社区养老', '智慧农业', '跨境电商',
    '集成电路', '海洋牧场', '生物医药', '低空经济', '夜间经济', '公共交通', '湿地保护', '粮食安全',
    '高标准农田', '森林防火', '食品安全', '义务教育', '基层治理', '营商环境', '非遗传承', '中医药',
    '光伏发电', '氢能源', '种业振兴', '海绵城市', '普惠金融', '全民健身', '托育服务', '乡村旅游',
  ];
  const things = [
    '试点方案', '专项资金', '服务中心', '示范基地', '监测网络', '人才公寓', '产业园区', '公益讲座',
    '应急预案', '信用体系', '数据平台', '志愿者队伍', '技能培训', '便民服务', '绿色通道', '观测站',
    '实验室', '孵化器', '充电桩', '物流园', '研学基地', '体验馆', '合作社', '调查报告', '白皮书',
    '联席会议', '展销会', '博览会', '工作专班', '咨询热线', '奖补政策', '人才计划',
  ];
  const verbs = ['推进', '启动', '完善', '扩大', '升级', '验收', '发布', '部署', '落实', '评估'];
  let state = 20240601;
  const pick = (list) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return list[(state >>> 16) % list.length]; // high bits: an LCG's low bits cycle fast
  };
  const paragraphs = [];
  let chars = 0;
  while (chars < maxChars) {
    const p =
      `${pick(places)}${pick(bodies)}近日${pick(verbs)}${pick(topics)}${pick(things)}。` +
      `${pick(people)}介绍，今年以来当地围绕${pick(topics)}和${pick(topics)}${pick(verbs)}了` +
      `${pick(things)}与${pick(things)}，${pick(places)}的${pick(bodies)}也${pick(verbs)}了相关工作。` +
      `下一步将继续${pick(verbs)}${pick(topics)}${pick(things)}，力争年底前完成${pick(things)}建设。`;
    paragraphs.push(p);
    chars += p.length;
  }
  return paragraphs.join('\n');
}

/**
 * The text and its top `topK` keywords ({term, score 0..1, count}) from the native CLI
 * (`cargo run --release -p wenxi-cli -- analyse FILE --json --top-k N`). When cargo cannot build
 * the CLI right now (someone is mid-edit), the last built `target/release/wenxi` is used.
 */
export function benchmarkWords({ root, textPath, maxChars, topK }) {
  let text;
  let source;
  if (textPath && !existsSync(textPath)) throw new Error(`--text ${textPath}: no such file`);
  const corpus = textPath ?? defaultCorpus(root);
  if (existsSync(corpus)) {
    text = textPath ? readFileSync(textPath, 'utf8').slice(0, maxChars) : corpusText(corpus, maxChars);
    source = textPath ? textPath : `People's Daily 1998-01 (first ${text.length} chars of ${corpus})`;
  } else {
    text = madeUpText(maxChars);
    source = `made-up news paragraphs (${text.length} chars; corpus not found at ${corpus})`;
  }
  const file = join(tmpdir(), `wenxi-cloud-bench-${process.pid}.txt`);
  writeFileSync(file, text);
  const args = ['analyse', file, '--json', '--top-k', String(topK)];
  const options = { cwd: root, maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] };
  let json;
  try {
    json = execFileSync('cargo', ['run', '--release', '-q', '-p', 'wenxi-cli', '--', ...args], options);
  } catch (err) {
    const built = join(root, 'target', 'release', 'wenxi');
    if (!existsSync(built)) throw err;
    console.warn(`cargo run failed (${String(err.stderr ?? err).split('\n')[0]}); using ${built}`);
    json = execFileSync(built, args, options);
  } finally {
    rmSync(file, { force: true });
  }
  const keywords = JSON.parse(json).keywords.map(({ term, score, count }) => ({ term, score, count }));
  return { text, source, keywords };
}
