const angularJestConfig = require('../../../../jest.angular.preset');

module.exports = angularJestConfig('web-shared-ui-charts', __dirname);
