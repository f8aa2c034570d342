// KUR overview: the conversion charts, drawn from the table below them (one row per disbursement month and group,
// its numbers in data- attributes), so the charts and the table always show the same figures.
(function () {
  const table = document.getElementById('conversion');
  if (!table || typeof echarts === 'undefined') {
    return;
  }
  const rows = [...table.querySelectorAll('tbody tr[data-month]')].map(tr => ({
    month: tr.dataset.month,
    monthLabel: tr.dataset.monthLabel,
    key: tr.dataset.key,
    label: tr.dataset.label,
    borrowers: Number(tr.dataset.borrowers),
    enrolled: Number(tr.dataset.enrolled),
    protectedNow: Number(tr.dataset.protected)
  }));
  const fmt = new Intl.NumberFormat('id-ID');
  const months = [...new Set(rows.map(r => r.month))].sort();
  const monthLabels = months.map(m => rows.find(r => r.month === m).monthLabel);
  const charts = [];

  // Per disbursement month: borrowers, enrolled at disbursement, protected now (all groups together).
  const monthsBox = document.getElementById('kur-chart');
  if (monthsBox) {
    const sum = field => months.map(m => rows.filter(r => r.month === m).reduce((s, r) => s + r[field], 0));
    const chart = echarts.init(monthsBox, null, { renderer: 'svg' });
    chart.setOption({
      barMaxWidth: 40,
      grid: { left: 60, right: 20, top: 40, bottom: 40 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: v => fmt.format(v) },
      xAxis: { type: 'category', data: monthLabels },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: v => fmt.format(v) } },
      series: [
        { type: 'bar', name: monthsBox.dataset.labelBorrowers, data: sum('borrowers'), itemStyle: { color: '#9bb8a6' } },
        { type: 'bar', name: monthsBox.dataset.labelEnrolled, data: sum('enrolled'), itemStyle: { color: '#f0b429' } },
        { type: 'bar', name: monthsBox.dataset.labelProtected, data: sum('protectedNow'), itemStyle: { color: '#0b7a3e' } }
      ]
    });
    charts.push(chart);
  }

  // Per group (bank, scheme or kab/kota): the share protected now of each month's borrowers.
  const groupsBox = document.getElementById('kur-chart-groups');
  if (groupsBox) {
    const keys = [...new Set(rows.map(r => r.key))];
    const series = keys.map(k => ({
      type: 'line',
      name: rows.find(r => r.key === k).label,
      connectNulls: true,
      symbolSize: 7,
      data: months.map(m => {
        const r = rows.find(x => x.key === k && x.month === m);
        return r && r.borrowers > 0 ? Math.round(1000 * r.protectedNow / r.borrowers) / 10 : null;
      })
    }));
    const chart = echarts.init(groupsBox, null, { renderer: 'svg' });
    chart.setOption({
      grid: { left: 50, right: 20, top: 40, bottom: 40 },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis', valueFormatter: v => v == null ? '–' : String(v).replace('.', ',') + '%' },
      xAxis: { type: 'category', data: monthLabels },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: series
    });
    charts.push(chart);
  }
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
})();
