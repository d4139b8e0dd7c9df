// 提醒, 催办 and 督办 texts (merged into zh-CN.ts under `remind` and `duban`).
export const remind = {
  title: '提醒我', menu: '提醒', mine: '我的提醒', empty: '没有待发的提醒', cancel: '取消提醒', submit: '按所选时间提醒',
  custom: '选择日期和时间', note: '备注（可选）', pickTime: '请选择提醒时间', set: '将于 {time} 提醒你',
  preset: { in_1h: '1小时后', tomorrow_0900: '明天 09:00', next_workday_0900: '下个工作日 09:00' },
  chase: '催办', chased: '已催办：{names}',
}
export const duban = {
  title: '督办', open: '新建督办', following: '我跟踪的', hosting: '本单位主办', empty: '暂无督办事项',
  host: '主办单位', deadline: '办结时限', stage: '环节', leader: '督办领导', itemTitle: '督办事项', body: '督办要求',
  urgency: '紧急程度', submit: '交办', process: '查看办理流程', progress: '进展', noProgress: '尚无进展报告',
  reportText: '本次进展情况', report: '报送进展',
  fromCard: '依据所选卡片交办',
  fromLight: '一键督办', fromLightFailed: '督办未能建立',
}
