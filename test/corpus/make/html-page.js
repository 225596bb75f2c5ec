// Wraps a stored text in the article page of a government site (navigation, breadcrumb, scripts in
// the head, a footer), one <p> per line: the stored copies are text, the readers must find the body.
// Usage: node html-page.js TEXT_FILE SITE_NAME > PAGE.html
const { readFileSync } = require('node:fs');
const [file, site] = process.argv.slice(2);
const lines = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const title = lines.find((line) => line.includes('关于') || line.includes('方案')) ?? lines[0];
process.stdout.write(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escape(title)}_${escape(site)}</title>
<script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; (function () { var hm = document.createElement('script'); hm.src = '/js/stat.js'; document.head.appendChild(hm); })();</script>
<link rel="stylesheet" href="/css/article.css">
</head>
<body>
<div class="header"><div class="logo">${escape(site)}</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件</div>
<div class="main">
<div class="article">
<h1 class="title">${escape(title)}</h1>
<div class="info">来源：${escape(site)}　字号：[<a>大</a> <a>中</a> <a>小</a>]　<a>打印</a></div>
<div id="zoom">
${lines.map((line) => `<p>${escape(line.trim())}</p>`).join('\n')}
</div>
</div>
<div class="related"><h3>相关文件</h3><ul><li><a href="/zwgk/1.html">关于做好政务公开工作的通知</a></li><li><a href="/zwgk/2.html">政策解读</a></li></ul></div>
</div>
<div class="footer"><p>主办：${escape(site)}　网站标识码：0000000000</p><p>ICP备案号：00000000号</p></div>
<script>document.querySelectorAll('.info a').forEach(function (a) { a.onclick = function () { return false; }; });</script>
</body>
</html>
`);
