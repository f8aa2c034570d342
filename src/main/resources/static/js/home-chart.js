// Home page: participants per kab/kota as bars, and per 1,000 inhabitants on the map, drawn from the table's rows
// (their numbers in data- attributes); labels and the province come from the chart boxes' data- attributes.
(function () {
  const chartBox = document.getElementById('chart');
  const mapBox = document.getElementById('map');
  if (!chartBox || typeof echarts === 'undefined') {
    return;
  }
  const rows = [...document.querySelectorAll('#counts tbody tr[data-code]')].map(tr => ({
    name: tr.dataset.name,
    participants: Number(tr.dataset.participants),
    population: Number(tr.dataset.population)
  }));
  const fmt = new Intl.NumberFormat('id-ID');
  const byCount = [...rows].sort((a, b) => a.participants - b.participants);
  const short = n => n.replace(/^Kabupaten /, 'Kab. ');
  const chart = echarts.init(chartBox);
  window.addEventListener('resize', () => chart.resize());
  chart.setOption({
    grid: { left: 130, right: 30, top: 10, bottom: 30 },
    tooltip: { trigger: 'axis', valueFormatter: v => fmt.format(v) },
    xAxis: { type: 'value', axisLabel: { formatter: v => fmt.format(v) } },
    yAxis: { type: 'category', data: byCount.map(r => short(r.name)) },
    series: [{ type: 'bar', name: chartBox.dataset.label, data: byCount.map(r => r.participants),
               itemStyle: { color: '#0b7a3e' } }]
  });
  if (!mapBox) { // no boundaries for this region: the page says so in place of the map
    return;
  }
  fetch('/api/regions/' + encodeURIComponent(mapBox.dataset.province) + '/boundaries').then(r => r.json()).then(geo => {
    echarts.registerMap('area', geo, {});
    const data = rows.map(r => ({ name: r.name, value: r.population ? Math.round(r.participants * 1000 / r.population) : 0 }));
    const max = Math.max(1, ...data.map(d => d.value));
    const map = echarts.init(mapBox);
    window.addEventListener('resize', () => map.resize());
    map.setOption({
      tooltip: { trigger: 'item', formatter: p => p.name + ': ' + fmt.format(p.value || 0) + ' ' + mapBox.dataset.label },
      visualMap: { min: 0, max: max, left: 10, bottom: 10, calculable: true, inRange: { color: ['#f1f8e9', '#0b7a3e'] } },
      series: [{ type: 'map', map: 'area', nameProperty: 'name', data: data, roam: true,
                 emphasis: { label: { show: true } } }]
    });
  });
})();
