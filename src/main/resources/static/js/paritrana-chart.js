// Paritrana ranking: the totals as horizontal bars stacked by indicator contribution, drawn from the ranking table
// below the chart (each row and breakdown line carries its numbers in data- attributes), so chart and table agree.
(function () {
  const box = document.getElementById('paritrana-chart');
  const table = document.getElementById('ranking');
  if (!box || !table || typeof echarts === 'undefined') {
    return;
  }
  const rows = [...table.querySelectorAll('tbody tr.ranking-row')].map(tr => ({
    name: tr.dataset.name,
    total: Number(tr.dataset.total),
    lines: [...tr.querySelectorAll('tr.line')].map(l => ({
      code: l.dataset.code,
      label: l.querySelector('td span').textContent,
      contribution: Number(l.dataset.contribution)
    }))
  }));
  if (!rows.length) {
    return;
  }
  const fmt = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const ranked = [...rows].reverse(); // the first rank at the top
  const short = n => n.replace(/^Kabupaten /, 'Kab. ');
  const series = rows[0].lines.map((l, i) => ({
    type: 'bar', stack: 'total', name: l.label,
    data: ranked.map(r => r.lines[i] ? r.lines[i].contribution : 0)
  }));
  series.push({
    type: 'bar', stack: 'total', name: box.dataset.labelTotal, data: ranked.map(() => 0),
    label: { show: true, position: 'right', formatter: p => fmt.format(ranked[p.dataIndex].total) },
    tooltip: { show: false }
  });
  box.style.height = Math.max(300, 90 + 26 * ranked.length) + 'px';
  const chart = echarts.init(box, null, { renderer: 'svg' });
  chart.setOption({
    grid: { left: 10, right: 60, top: 50, bottom: 10, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => fmt.format(v) },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', data: ranked.map(r => short(r.name)), axisLabel: { width: 150, overflow: 'truncate' } },
    series: series
  });
  window.addEventListener('resize', () => chart.resize());
})();
