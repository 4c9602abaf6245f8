import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Tag, Typography, type FormInstance } from 'antd';
import { parseIdNumber, translate } from '@fangkong/domain';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { findResidents, type CheckpointSettings } from '../../api/checkpoints';
import type { Resident } from '../../api/types';
import { currentLocale } from '../../i18n';
import { ResidentMatches } from './ResidentMatches';

export interface OccupantValues {
  idNumber?: string;
  name?: string;
  phone?: string;
  temperature?: string;
  healthCode?: 'green' | 'yellow' | 'red';
  itinerary?: 'normal' | 'starred';
  nucleicAcid?: 'negative48h' | 'none' | 'positive';
  /** Set by the register look-up, shown only. */
  residentOf?: string | null;
  /** A resident picked from the look-up: the ID number shown is masked, the server uses the register's. */
  personId?: string;
}

interface Props {
  form: FormInstance;
  index: number;
  fieldName: number;
  onRemove?: () => void;
  /** The checks the county has turned on; the others are not asked. */
  checks?: CheckpointSettings;
  /** Moves the keyboard to another field of the form (by its data-nav). */
  onFocus: (nav: string) => void;
  hasKeyboard: boolean;
}

/** What is worth a search: the last 4–17 characters of an ID number, 2–4 pinyin initials, or 2+ hanzi of a name. */
const searchable = (q: string) =>
  /^\d{3,16}[\dXx]$/.test(q) || /^[a-zA-Z]{2,4}$/.test(q) || /^\p{Script=Han}{2,}$/u.test(q);
// A card reader or scanner types a whole ID number in well under this: its first digits start no search.
const SEARCH_DELAY_MS = 180;

/** Checks an ID number as the staff types it: the check digit is verified the moment 18 characters are in. */
export function idNumberRule(picked?: () => boolean) {
  return {
    validator: async (_: unknown, value?: string) => {
      if (picked?.()) return;
      const r = parseIdNumber(value ?? '');
      if (!r.ok) throw new Error(translate(currentLocale(), `idNumber.${r.reason}`));
    },
  };
}

/** One occupant: ID number first; a resident found in the register fills in name and phone. */
export function OccupantRow({ form, index, fieldName, onRemove, checks, onFocus, hasKeyboard }: Props) {
  const { t } = useTranslation();
  const path = ['occupants', fieldName];
  const idNumber = Form.useWatch([...path, 'idNumber'], form) as string | undefined;
  const residentOf = Form.useWatch([...path, 'residentOf'], form) as string | null | undefined;
  const parsed = parseIdNumber(idNumber ?? '');
  const [matches, setMatches] = useState<Resident[]>([]);
  const [active, setActive] = useState(0);
  const searchSeq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The look-up of a full ID number still under way, resolving to whether a resident was found.
  const exact = useRef<Promise<boolean> | null>(null);
  const listId = `occ-matches-${index}`;

  const lookUp = async (raw: string): Promise<boolean> => {
    const r = parseIdNumber(raw);
    if (!r.ok) {
      if (raw.replace(/\s/g, '').length >= 18) void form.validateFields([[...path, 'idNumber']]);
      return false;
    }
    void form.validateFields([[...path, 'idNumber']]);
    try {
      const { items } = await findResidents({ idNumber: r.value.idNumber });
      const p = items[0];
      if (!p) {
        form.setFieldValue([...path, 'residentOf'], null);
        return false;
      }
      const current = form.getFieldValue(path) as OccupantValues;
      // The look-up answers the phone masked: the staff asks for it, or the register's is kept.
      form.setFieldValue(path, { ...current, name: current.name || p.name, residentOf: p.regionName });
      return true;
    } catch {
      return false; // offline: the staff types the name
    }
  };

  const search = (q: string) => {
    clearTimeout(timer.current);
    const mine = ++searchSeq.current;
    if (!searchable(q)) {
      setMatches([]);
      return;
    }
    timer.current = setTimeout(() => {
      findResidents({ q }).then(
        ({ items }) => {
          if (searchSeq.current !== mine) return;
          setMatches(items);
          setActive(0);
        },
        () => undefined,
      ); // offline: the staff types the full ID number
    }, SEARCH_DELAY_MS);
  };

  const onIdChange = (raw: string) => {
    const current = form.getFieldValue(path) as OccupantValues;
    if (current.personId)
      form.setFieldValue(path, { ...current, personId: undefined, name: undefined, residentOf: undefined });
    if (parseIdNumber(raw).ok) {
      search('');
      const pending = lookUp(raw).finally(() => {
        if (exact.current === pending) exact.current = null;
      });
      exact.current = pending;
    } else {
      void lookUp(raw);
      search(raw.trim());
    }
  };

  const pick = (r: Resident) => {
    const current = form.getFieldValue(path) as OccupantValues;
    form.setFieldValue(path, {
      ...current,
      idNumber: r.idNumber,
      personId: r.personId,
      name: r.name,
      residentOf: r.regionName,
    });
    form.setFields([{ name: [...path, 'idNumber'], errors: [] }]);
    searchSeq.current++;
    setMatches([]);
    onFocus(`occ-temp-${index}`);
  };

  const onIdKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (matches.length) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (e.key === 'Escape') return setMatches([]);
      if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        e.stopPropagation();
        pick(matches[active] ?? matches[0]!);
        return;
      }
    }
    // A reader's Enter comes right after its last digit, before the register has answered: go on
    // to the temperature at once, and back to the name if the register does not know the person.
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && exact.current) {
      e.preventDefault();
      e.stopPropagation();
      const temp = `occ-temp-${index}`;
      onFocus(temp);
      void exact.current.then((found) => {
        const el = document.activeElement as HTMLInputElement | null;
        if (!found && el?.dataset.nav === temp && !el.value) onFocus(`occ-name-${index}`);
      });
    }
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 8 }}
      title={t('checkpoints.occupant', { n: index + 1 })}
      extra={
        <>
          {residentOf ? (
            <Tag color="blue">{t('checkpoints.resident', { region: residentOf })}</Tag>
          ) : residentOf === null ? (
            <Tag>{t('checkpoints.outsider')}</Tag>
          ) : null}
          {parsed.ok ? (
            <Typography.Text type="secondary">
              {t(`checkpoints.${parsed.value.sex}`)} · {parsed.value.birthDate}
            </Typography.Text>
          ) : null}
          {onRemove ? (
            <Button type="text" aria-label={t('checkpoints.remove')} icon={<DeleteOutlined />} onClick={onRemove} />
          ) : null}
        </>
      }
    >
      <Row gutter={8}>
        <Col xs={24} md={8}>
          <Form.Item
            name={[fieldName, 'idNumber']}
            label={t('checkpoints.idNumber')}
            rules={[idNumberRule(() => Boolean(form.getFieldValue([...path, 'personId'])))]}
            validateTrigger={['onBlur']}
            style={{ marginBottom: 8 }}
          >
            <Input
              size="large"
              data-nav={`occ-id-${index}`}
              autoComplete="off"
              maxLength={20}
              inputMode="text"
              style={{ letterSpacing: 1 }}
              placeholder={t('checkpointLookup.idPlaceholder')}
              role="combobox"
              aria-expanded={matches.length > 0}
              aria-controls={listId}
              aria-activedescendant={matches.length ? `${listId}-${active}` : undefined}
              onChange={(e) => onIdChange(e.target.value)}
              onKeyDown={onIdKeyDown}
              onBlur={() => setMatches([])}
            />
          </Form.Item>
          <ResidentMatches id={listId} matches={matches} active={active} onPick={pick} keyHint={hasKeyboard} />
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name={[fieldName, 'name']} label={t('checkpoints.personName')} style={{ marginBottom: 8 }}>
            <Input size="large" data-nav={`occ-name-${index}`} autoComplete="off" maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name={[fieldName, 'temperature']} label={t('checkpoints.temperature')} style={{ marginBottom: 8 }}>
            <Input
              size="large"
              data-nav={`occ-temp-${index}`}
              autoComplete="off"
              inputMode="decimal"
              suffix="℃"
              maxLength={5}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={3}>
          <Form.Item name={[fieldName, 'phone']} label={t('checkpoints.phone')} style={{ marginBottom: 8 }}>
            <Input size="large" data-nav={`occ-phone-${index}`} autoComplete="off" inputMode="tel" maxLength={13} />
          </Form.Item>
        </Col>
        {checks?.healthCodeRequired && (
          <Col xs={12} md={3}>
            <Form.Item
              name={[fieldName, 'healthCode']}
              label={t('checkpoints.healthCode')}
              rules={[{ required: true, message: t('checkpoints.healthCode') }]}
              style={{ marginBottom: 8 }}
            >
              <Select
                size="large"
                allowClear
                options={(['green', 'yellow', 'red'] as const).map((c) => ({
                  value: c,
                  label: t(`checkpoints.healthCodes.${c}`),
                }))}
              />
            </Form.Item>
          </Col>
        )}
        {checks?.itineraryRequired && (
          <Col xs={12} md={3}>
            <Form.Item
              name={[fieldName, 'itinerary']}
              label={t('checkpoints.itinerary')}
              rules={[{ required: true, message: t('checkpoints.itinerary') }]}
              style={{ marginBottom: 8 }}
            >
              <Select
                size="large"
                allowClear
                options={(['normal', 'starred'] as const).map((c) => ({
                  value: c,
                  label: t(`checkpoints.itineraries.${c}`),
                }))}
              />
            </Form.Item>
          </Col>
        )}
        {checks?.nucleicAcidRequired && (
          <Col xs={12} md={4}>
            <Form.Item
              name={[fieldName, 'nucleicAcid']}
              label={t('checkpoints.nucleicAcid')}
              rules={[{ required: true, message: t('checkpoints.nucleicAcid') }]}
              style={{ marginBottom: 8 }}
            >
              <Select
                size="large"
                allowClear
                options={(['negative48h', 'none', 'positive'] as const).map((c) => ({
                  value: c,
                  label: t(`checkpoints.nucleicAcids.${c}`),
                }))}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item name={[fieldName, 'residentOf']} hidden>
        <Input />
      </Form.Item>
      <Form.Item name={[fieldName, 'personId']} hidden>
        <Input />
      </Form.Item>
    </Card>
  );
}
