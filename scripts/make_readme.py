#!/usr/bin/env python
"""Write README.md from an executed copy of nbs/index.ipynb (markdown cells, and the outputs of its code cells),
without quarto. Run `make readme`: it executes the index notebook into _proc/ first, so the tables are current;
the committed notebook stays output-free. Figures that the notebook shows with `nesf.view.figure` (read by the
kernel, so that they load however JupyterLab was started) become markdown image links to figures/.   python scripts/make_readme.py EXECUTED_NOTEBOOK"""
import json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
nb = json.loads(Path(sys.argv[1]).read_text())
parts = []
for cell in nb['cells']:
    src = ''.join(cell['source'])
    if cell['cell_type'] == 'markdown': parts.append(src)
    elif not src.lstrip().startswith('#| hide'):
        for o in cell.get('outputs', []):
            data, meta = o.get('data', {}), o.get('metadata', {})
            fig = meta.get('image/png', {}).get('nesf_readme') or meta.get('nesf_readme')
            if fig: parts.append(fig)                  # a committed figure shown by nesf.view.figure: its markdown link
            elif 'text/markdown' in data: parts.append(''.join(data['text/markdown']))
            elif o.get('output_type') == 'stream': parts.append('```\n' + ''.join(o['text']).rstrip() + '\n```')
text = '\n\n'.join(p.strip('\n') for p in parts if p.strip()) + '\n'
text = text.replace('](../figures/', '](figures/')
(ROOT / 'README.md').write_text(text)
print('wrote README.md')
