import { Card, Col, Empty, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_ROLES, CHAIN_MANAGERS, DISPATCH_ROLES, hasRole, KEY_PERSON_ROLES } from '../../auth/roles';
import { VolunteerTeamsCard } from '../volunteer-teams/VolunteerTeamsCard';
import { ChainCard } from '../responsibility-chains/ChainCard';
import { EscalationsCard } from '../responsibility-chains/EscalationsCard';
import { useMe } from '../../auth/session';
import { RegionDetailPanel } from './RegionDetailPanel';
import { RegionImportButton } from './RegionImportButton';
import { RegionSearch } from './RegionSearch';
import { RegionTree } from './RegionTree';

export default function RegionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [selectedId, setSelectedId] = useState<string | undefined>(me.regionId);
  // Remounting the tree after an import reloads it from the (invalidated) cache.
  const [treeVersion, setTreeVersion] = useState(0);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('regions.title')}
        </Typography.Title>
        {hasRole(me.role, ADMIN_ROLES) && <RegionImportButton onImported={() => setTreeVersion((v) => v + 1)} />}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={9} lg={7}>
          <Card size="small">
            <RegionSearch onSelect={setSelectedId} />
            <div style={{ marginTop: 12, maxHeight: '60vh', overflow: 'auto' }}>
              <RegionTree key={treeVersion} selectedId={selectedId} onSelect={setSelectedId} />
            </div>
          </Card>
        </Col>
        <Col xs={24} md={15} lg={17}>
          {selectedId ? (
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <RegionDetailPanel regionId={selectedId} onSelect={setSelectedId} />
              <ChainCard regionId={selectedId} canManage={hasRole(me.role, CHAIN_MANAGERS)} />
              {hasRole(me.role, KEY_PERSON_ROLES) && <EscalationsCard regionId={selectedId} />}
              <VolunteerTeamsCard regionId={selectedId} canManage={hasRole(me.role, DISPATCH_ROLES)} />
            </Space>
          ) : (
            <Card>
              <Empty description={t('regions.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
