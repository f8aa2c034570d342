// Coverage dashboard: the map, ranking, trend, segment and channel charts, drawn from the tables of the page (their
// numbers in data- attributes; percentages in basis points, 3647 = 36,47%), so charts and tables always agree.
// The selectors of region and month reload the page when changed.
(function () {
  document.querySelectorAll('select.autosubmit').forEach(select =>
    select.addEventListener('change', () => select.form.submit()));
  if (typeof echarts === 'undefined') {
    return;
  }
  const fmt = new Intl.NumberFormat('id-ID');
  const pctFmt = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const num = v => (v === undefined || v === '' ? null : Number(v));
  const pct = v => (v === null || v === undefined ? '–' : pctFmt.format(v) + '%');
  const pctShort = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
  const percentOf = bp => (bp === null ? null : bp / 100);
  // Up to five classes [from, to) cut at the quintiles of the values (rounded to 0,01%), the first from 0%, the last
  // up to the highest value (rounded up); equal cuts merge, and where the quintiles leave one class (most values
  // alike) the steps are equal instead. A legend item per class, labelled "1,20% – 2,35%".
  const classes = values => {
    if (!values.length) {
      return [{ gte: 0, lte: 1, label: '0% – 1%' }];
    }
    const sorted = [...values].sort((a, b) => a - b);
    const round = v => Math.round(v * 100) / 100;
    const top = Math.ceil(sorted[sorted.length - 1] * 100) / 100 || 0.01;
    const cuts = [0];
    for (let i = 1; i < 5; i++) {
      const cut = round(sorted[Math.floor((i * sorted.length) / 5)]);
      if (cut > cuts[cuts.length - 1] && cut < top) {
        cuts.push(cut);
      }
    }
    if (cuts.length < 2) {
      // Mostly equal values (many at 0%): five equal steps up to the highest instead.
      cuts.length = 1;
      for (let i = 1; i < 5; i++) {
        const cut = round((top * i) / 5);
        if (cut > cuts[cuts.length - 1] && cut < top) {
          cuts.push(cut);
        }
      }
    }
    cuts.push(top);
    const result = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const last = i + 2 === cuts.length;
      result.push({
        gte: cuts[i], ...(last ? { lte: cuts[i + 1] } : { lt: cuts[i + 1] }),
        label: pctShort.format(cuts[i]) + '% – ' + pctShort.format(cuts[i + 1]) + '%'
      });
    }
    return result.reverse();
  };
  const rows = selector => [...document.querySelectorAll(selector)].map(tr => tr.dataset);
  const charts = [];
  const init = box => {
    const chart = echarts.init(box, null, { renderer: 'svg' });
    charts.push(chart);
    return chart;
  };
  const targetLine = (bp, label) => (bp === null ? undefined : {
    silent: true, symbol: 'none', lineStyle: { color: '#c0392b', type: 'dashed' },
    label: { formatter: label + ' ' + pct(percentOf(bp)) }, data: [{ xAxis: percentOf(bp) }]
  });

  const children = rows('#coverage-children tr.child-row').map(d => ({
    code: d.code, name: d.name, href: d.href, coverage: percentOf(num(d.coverage)), target: percentOf(num(d.target)),
    active: num(d.active)
  }));

  const byCode = new Map(children.map(c => [c.code, c]));

  // (a) The kab/kota of the province coloured by coverage; a click opens the kab/kota.
  const mapBox = document.getElementById('coverage-map');
  if (mapBox && children.length) {
    fetch(mapBox.dataset.boundaries, { headers: { Accept: 'application/geo+json' } })
      .then(r => (r.ok ? r.json() : Promise.reject(new Error('boundaries: HTTP ' + r.status))))
      .then(geo => {
        echarts.registerMap('coverage-area', geo, {});
        // Classes from the data: up to five, cut at the quintiles of the coverages shown, so that kab/kota that differ
        // get different colours even when all are far below the target; the legend names each class's range.
        const pieces = classes(children.map(c => c.coverage).filter(v => v !== null));
        const chart = init(mapBox);
        chart.setOption({
          tooltip: {
            trigger: 'item',
            formatter: p => {
              const c = byCode.get(p.name);
              return c ? c.name + ': ' + (c.coverage === null ? mapBox.dataset.labelNone : pct(c.coverage)) : p.name;
            }
          },
          visualMap: {
            type: 'piecewise', pieces: pieces, left: 10, bottom: 10, itemGap: 6, textStyle: { fontSize: 12 },
            inRange: { color: ['#e4f4ea', '#0b7a3e'] }, outOfRange: { color: '#e8ece9' }
          },
          series: [{
            type: 'map', map: 'coverage-area', nameProperty: 'code', roam: false, selectedMode: false,
            itemStyle: { areaColor: '#e8ece9', borderColor: '#fff' },
            emphasis: { label: { show: true, formatter: p => (byCode.has(p.name) ? byCode.get(p.name).name : p.name) } },
            label: { show: false },
            data: children.map(c => ({ name: c.code, value: c.coverage }))
          }]
        });
        chart.on('click', p => {
          const c = byCode.get(p.name);
          if (c && c.href) {
            window.location.href = c.href;
          }
        });
        mapBox.dataset.ready = 'true';
      })
      .catch(e => {
        mapBox.textContent = String(e);
      });
  }

  // (b) The children ranked by coverage, the region's target as a line; while none of them has a denominator, by
  // protected workers instead.
  const rankingBox = document.getElementById('coverage-ranking');
  if (rankingBox && children.length) {
    const byCoverage = children.some(c => c.coverage !== null);
    const value = c => (byCoverage ? c.coverage : c.active);
    const format = byCoverage ? pct : v => fmt.format(v);
    const ranked = [...children].sort((a, b) => (value(a) ?? -1) - (value(b) ?? -1));
    const short = n => n.replace(/^Kabupaten /, 'Kab. ');
    rankingBox.style.height = Math.max(300, 60 + 24 * ranked.length) + 'px';
    const chart = init(rankingBox);
    chart.setOption({
      grid: { left: 10, right: 60, top: 20, bottom: 10, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: format },
      xAxis: { type: 'value', axisLabel: { formatter: v => fmt.format(v) + (byCoverage ? '%' : '') } },
      yAxis: { type: 'category', data: ranked.map(c => short(c.name)), axisLabel: { width: 150, overflow: 'truncate' } },
      series: [{
        type: 'bar', data: ranked.map(value), barMinHeight: 2, cursor: 'pointer',
        name: byCoverage ? rankingBox.dataset.labelCoverage : rankingBox.dataset.labelActive,
        itemStyle: { color: '#0b7a3e' },
        label: { show: true, position: 'right', formatter: p => format(p.value) },
        markLine: byCoverage ? targetLine(num(rankingBox.dataset.target), rankingBox.dataset.labelTarget) : undefined
      }]
    });
    chart.on('click', p => {
      const c = ranked[p.dataIndex];
      if (c && c.href) {
        window.location.href = c.href;
      }
    });
  }

  // (c) Coverage per month against the target of each month's year: both in percent on one axis, so a line close to
  // the target means coverage close to it. The workers counted go on a chart of their own (c2).
  const trendBox = document.getElementById('coverage-trend');
  const trend = rows('#coverage-trend-table tr.trend-row');
  if (trendBox && trend.length) {
    const chart = init(trendBox);
    chart.setOption({
      grid: { left: 10, right: 10, top: 40, bottom: 10, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: pct },
      xAxis: { type: 'category', data: trend.map(p => p.label) },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: v => pctShort.format(v) + '%' } },
      series: [
        { type: 'line', name: trendBox.dataset.labelCoverage, symbolSize: 6, connectNulls: false,
          data: trend.map(p => percentOf(num(p.coverage))), itemStyle: { color: '#0b7a3e' }, areaStyle: { opacity: 0.08 } },
        { type: 'line', name: trendBox.dataset.labelTarget, step: 'middle', symbol: 'none',
          data: trend.map(p => percentOf(num(p.target))), lineStyle: { type: 'dashed', color: '#c0392b' },
          itemStyle: { color: '#c0392b' } }
      ]
    });
  }
  const trendActiveBox = document.getElementById('coverage-trend-active');
  if (trendActiveBox && trend.length) {
    const chart = init(trendActiveBox);
    chart.setOption({
      grid: { left: 10, right: 10, top: 20, bottom: 10, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => fmt.format(v) },
      xAxis: { type: 'category', data: trend.map(p => p.label) },
      yAxis: { type: 'value', min: 0, minInterval: 1, axisLabel: { formatter: v => fmt.format(v) } },
      series: [
        { type: 'bar', name: trendActiveBox.dataset.labelActive, data: trend.map(p => num(p.active)),
          itemStyle: { color: '#0b7a3e' }, barMaxWidth: 18 }
      ]
    });
  }

  // (d) Each segment: active workers and the gap to its target, its coverage in the tooltip.
  const segmentsBox = document.getElementById('coverage-segments');
  const segments = rows('#coverage-segment-table tr.segment-row');
  if (segmentsBox && segments.length) {
    const chart = init(segmentsBox);
    chart.setOption({
      grid: { left: 10, right: 30, top: 40, bottom: 10, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: ps => {
          const s = segments[ps[0].dataIndex];
          return s.label + '<br>' + ps.map(p => p.marker + p.seriesName + ': ' + fmt.format(p.value || 0)).join('<br>')
            + '<br>' + segmentsBox.dataset.labelCoverage + ': ' + pct(percentOf(num(s.coverage)));
        }
      },
      xAxis: { type: 'value', axisLabel: { formatter: v => fmt.format(v) } },
      yAxis: { type: 'category', data: segments.map(s => s.label) },
      series: [
        { type: 'bar', stack: 'workers', name: segmentsBox.dataset.labelActive, data: segments.map(s => num(s.active)),
          itemStyle: { color: '#0b7a3e' } },
        { type: 'bar', stack: 'workers', name: segmentsBox.dataset.labelGap, data: segments.map(s => num(s.gap) || 0),
          itemStyle: { color: '#f0b429' } }
      ]
    });
  }

  // (e) Active memberships per enrolment channel.
  const channelsBox = document.getElementById('coverage-channels');
  const channels = rows('#coverage-channel-table tr.channel-row');
  if (channelsBox && channels.length) {
    const chart = init(channelsBox);
    chart.setOption({
      tooltip: { trigger: 'item', formatter: p => p.name + ': ' + fmt.format(p.value) + ' (' + pctFmt.format(p.percent) + '%)' },
      legend: { bottom: 0, type: 'scroll' },
      color: ['#0b7a3e', '#f0b429', '#2b6cb0', '#8e44ad', '#c0392b'],
      series: [{
        type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], avoidLabelOverlap: true, minShowLabelAngle: 15,
        label: { formatter: p => p.name + ' ' + pctFmt.format(p.percent) + '%' },
        data: channels.filter(c => num(c.active) > 0).map(c => ({ name: c.label, value: num(c.active) }))
      }]
    });
  }

  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
})();
