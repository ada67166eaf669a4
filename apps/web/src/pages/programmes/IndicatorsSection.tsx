import { allPages } from '../../components/PagedTable';
import { api, call } from '../../api/client';
import { Indicator, IndicatorValue, Page } from '../../api/types';
import { IndicatorChart } from '../../components/charts';
import { Async, Card, fmtDate, useLoad } from '../../components/common';
import { InputField, SelectField, SubForm, useFormValues } from '../../form-fields';
import { useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { DIMENSIONS, type Dimension } from './constants';
import { ValueForm } from './ValueForm';

/** The new-indicator form as it opens. */
const NEW_INDICATOR = {
  name: '',
  dimension: 'economic',
  unit: '%',
  baseline: '',
  target: '',
  direction: 'increase',
};

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
  const { values: v, field, reset } = useFormValues(form, NEW_INDICATOR);
  const createIndicator = async () => {
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
    reset();
    reload();
  };
  return (
    <Card id="sec-indicators" title={t('indicators.title')}>
      {indicators.length === 0 && <p className="muted">{t('indicators.none')}</p>}
      {indicators.map((i) => (
        <IndicatorBlock key={i.id} indicator={i} canReport={manager || working} />
      ))}
      {manager && (
        <SubForm
          form={form}
          title={t('indicator.new')}
          submit={t('indicator.create')}
          onSubmit={createIndicator}
        >
          <div className="row">
            <InputField label={t('indicator.name')} {...field('name')} />
            <SelectField
              label={t('programme.dimension')}
              values={DIMENSIONS}
              labels="dimension"
              {...field('dimension')}
            />
            <InputField label={t('indicator.unit')} {...field('unit')} />
          </div>
          <div className="row">
            <InputField inputMode="decimal" label={t('indicator.baseline')} {...field('baseline')} />
            <InputField inputMode="decimal" label={t('indicator.target')} {...field('target')} />
            <SelectField
              label={t('indicator.direction')}
              values={['increase', 'decrease']}
              labels="indicator"
              {...field('direction')}
            />
          </div>
        </SubForm>
      )}
    </Card>
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
