const angularJestConfig = require('../../../../jest.angular.preset');

module.exports = angularJestConfig('web-shared-data-access', __dirname);
