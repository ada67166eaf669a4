import { allPages } from '../../components/PagedTable';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { Indicator, IndicatorValue, Page } from '../../api/types';
import { IndicatorChart } from '../../components/charts';
import { Async, fmtDate, useLoad } from '../../components/common';
import { Field, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { DIMENSIONS, type Dimension } from './constants';
import { ValueForm } from './ValueForm';
import { EnumSelect } from '../../components/EnumSelect';

export function IndicatorsSection({
  programmeId,
  indicators,
  manager,
  working,
  reload,
}: {
  programmeId: string;
  indicators: Indicator[];
  manager: boolean;
  working: boolean;
  reload: () => void;
}) {
  const { t } = useI18n();
  const form = useApiForm();
  const empty = {
    name: '',
    dimension: 'economic',
    unit: '%',
    baseline: '',
    target: '',
    direction: 'increase',
  };
  const [v, setV] = useState(empty);
  const change = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  return (
    <section className="card" aria-labelledby="sec-indicators">
      <h2 id="sec-indicators">{t('indicators.title')}</h2>
      {indicators.length === 0 && <p className="muted">{t('indicators.none')}</p>}
      {indicators.map((i) => (
        <IndicatorBlock key={i.id} indicator={i} canReport={manager || working} />
      ))}
      {manager && (
        <form
          noValidate
          className="subform"
          aria-labelledby="new-indicator"
          onSubmit={form.onSubmit(async () => {
            await call(
              api.POST('/programmes/{id}/indicators', {
                params: { path: { id: programmeId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
                body: {
                  name: v.name,
                  kind: 'plain',
                  dimension: v.dimension as Dimension,
                  unit: v.unit,
                  baseline: v.baseline === '' ? (undefined as unknown as number) : Number(v.baseline),
                  target: v.target === '' ? (undefined as unknown as number) : Number(v.target),
                  direction: v.direction as 'increase' | 'decrease',
                },
              }),
            );
            setV(empty);
            reload();
          })}
        >
          <h3 id="new-indicator">{t('indicator.new')}</h3>
          <FormAlert form={form} />
          <div className="row">
            <Field form={form} name="name" label={t('indicator.name')}>
              <input value={v.name} onChange={change('name')} />
            </Field>
            <Field form={form} name="dimension" label={t('programme.dimension')}>
              <EnumSelect
                values={DIMENSIONS}
                labels="dimension"
                value={v.dimension}
                onChange={change('dimension')}
              />
            </Field>
            <Field form={form} name="unit" label={t('indicator.unit')}>
              <input value={v.unit} onChange={change('unit')} />
            </Field>
          </div>
          <div className="row">
            <Field form={form} name="baseline" label={t('indicator.baseline')}>
              <input inputMode="decimal" value={v.baseline} onChange={change('baseline')} />
            </Field>
            <Field form={form} name="target" label={t('indicator.target')}>
              <input inputMode="decimal" value={v.target} onChange={change('target')} />
            </Field>
            <Field form={form} name="direction" label={t('indicator.direction')}>
              <EnumSelect
                values={['increase', 'decrease']}
                labels="indicator"
                value={v.direction}
                onChange={change('direction')}
              />
            </Field>
          </div>
          <SubmitButton form={form}>{t('indicator.create')}</SubmitButton>
        </form>
      )}
    </section>
  );
}

function IndicatorBlock({ indicator: i, canReport }: { indicator: Indicator; canReport: boolean }) {
  const { t, lang } = useI18n();
  const values = useLoad(
    async () =>
      await allPages((cursor) =>
        call<Page<IndicatorValue>>(
          api.GET('/indicators/{id}/values', {
            params: { path: { id: i.id }, query: { limit: 100, cursor } },
          }),
        ),
      ),
    [i.id],
  );
  return (
    <div className="indicator">
      <h3>{i.name}</h3>
      <Async state={values}>
        {(vals) => (
          <IndicatorChart
            title={t('indicator.chartTitle', { name: i.name })}
            points={vals.map((x) => ({
              label: `${fmtDate(x.periodStart, lang)} – ${fmtDate(x.periodEnd, lang)}`,
              value: x.value,
            }))}
            baseline={i.baseline}
            target={i.target}
            unit={i.unit === '%' ? '%' : ` ${i.unit}`}
            labels={{
              period: t('indicator.period'),
              value: t('indicator.value'),
              baseline: t('indicator.baseline'),
              target: t('indicator.target'),
            }}
          />
        )}
      </Async>
      {canReport && <ValueForm indicator={i} onSaved={values.reload} />}
    </div>
  );
}
