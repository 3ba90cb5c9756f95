import { zhCN } from '@yimen/protocol';
import { guideUrl } from '../flow/print-jobs';
import type { ScreenProps } from './KioskScreen';
import { Qr } from './Qr';
import { TakeButton, tapBlocked } from './tiles';

const K = zhCN.kiosk;
const G = zhCN.guide;

/** 办事指南: departments → items → an item's 五公开, with its phone QR and the one-time materials list. */
export function GuideScreen(
  props: ScreenProps & { departmentId: string | null; itemId: string | null; notice: string | null },
) {
  const { config, controller, departmentId, itemId } = props;
  const open = (d: string | null, i: string | null) =>
    controller.dispatch({ type: 'openGuide', departmentId: d, itemId: i });
  const item = itemId ? config.items.find((i) => i.id === itemId) : undefined;
  if (item) {
    const department = config.departments.find((d) => d.id === item.departmentId);
    const why = tapBlocked(props, item.categoryId);
    return (
      <article className="guide-item">
        <h2>{item.name}</h2>
        <p className="muted">
          {department?.name} · {G.kind[item.kind]}
        </p>
        {props.notice ? (
          <p className="notice" role="status">
            {props.notice}
          </p>
        ) : null}
        <div className="guide-top">
          <dl className="facts">
            <dt>{G.promisedLimit}</dt>
            <dd>{G.workingDays(item.promisedDays)}</dd>
            <dt>{G.statutoryLimit}</dt>
            <dd>{G.workingDays(item.statutoryDays)}</dd>
            <dt>{G.fee}</dt>
            <dd>{item.fee.amountYuan === 0 ? G.free : G.yuan(item.fee.amountYuan)}</dd>
          </dl>
          <figure className="guide-qr">
            <Qr text={guideUrl(config, item.id)} size={220} label={K.scanGuide} />
            <figcaption>{K.scanGuide}</figcaption>
          </figure>
        </div>
        <section>
          <h3>{G.conditions}</h3>
          <ol>
            {item.conditions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ol>
        </section>
        <section>
          <h3>{G.materials}</h3>
          <ul className="materials">
            {item.materials.map((m) => (
              <li key={m.name}>
                <span className={`tag ${m.required ? 'must' : 'opt'}`}>{m.required ? G.mandatory : G.optional}</span>
                {m.name}（{zhCN.materialForm[m.form]}，{G.copies(m.copies)}）
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h3>{G.steps}</h3>
          <ol>
            {item.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </section>
        <p className="muted">
          {G.basis}：{item.fee.basis}
        </p>
        {why ? <p className="tile-why">{why}</p> : null}
        <div className="row guide-actions">
          <TakeButton {...props} categoryId={item.categoryId} why={why} className="button big guide-take" />
          <button
            type="button"
            className="button secondary big"
            disabled={!props.caps.canPrint}
            onClick={() => controller.dispatch({ type: 'printGuide', itemId: item.id })}
          >
            {K.printList}
          </button>
        </div>
      </article>
    );
  }
  if (departmentId) {
    const department = config.departments.find((d) => d.id === departmentId);
    const items = config.items.filter((i) => i.departmentId === departmentId);
    return (
      <div className="guide-list">
        <h2>{department?.name}</h2>
        {items.map((i) => (
          <button key={i.id} type="button" className="list-button" onClick={() => open(departmentId, i.id)}>
            <span>{i.name}</span>
            <span className="muted">{G.kind[i.kind]}</span>
          </button>
        ))}
      </div>
    );
  }
  const departments = config.departments
    .map((d) => ({ d, count: config.items.filter((i) => i.departmentId === d.id).length }))
    .filter((x) => x.count > 0);
  return (
    <div className="guide-list">
      <h2>{K.guide}</h2>
      <p className="subtitle">{K.guideIntro}</p>
      <div className="tiles">
        {departments.map(({ d, count }) => (
          <button key={d.id} type="button" className="tile" onClick={() => open(d.id, null)}>
            <span className="tile-name">{d.shortName}</span>
            <span className="tile-figures">{G.itemCount(count)}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
